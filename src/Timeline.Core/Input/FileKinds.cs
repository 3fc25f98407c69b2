using System.Runtime.InteropServices;

namespace Timeline.Input;

/// <summary>What a path names, seen without following a link.</summary>
public enum EntryKind
{
    Missing,
    Regular,
    Folder,
    Link,
    NamedPipe,
    Socket,
    Device,
}

/// <summary>
/// What a regular file's metadata says of its last change: its size, the times its text and its metadata last
/// changed (in nanoseconds since 1970; the second is set by the kernel's clock at the change, and cannot be set back
/// by a user) and its inode. The same stamp means the same text, as git's index assumes, unless the file changed again
/// within the clock's granularity of the time it was stamped; a reader trusts only stamps older than that.
/// </summary>
public readonly record struct FileChangeStamp(long Size, long ModifiedNanoseconds, long ChangedNanoseconds, ulong Inode);

/// <summary>
/// Tells what a path is without opening it: opening a named pipe waits for a writer (forever, in a build), and .NET
/// shows a pipe, a socket or a device as an ordinary file.
/// </summary>
public static partial class FileKinds
{
    /// <summary>The kind of <paramref name="path"/> itself (a link is a link, not what it points to).</summary>
    /// <exception cref="UnauthorizedAccessException">The folder holding the path may not be searched.</exception>
    public static EntryKind Of(string path) => Examine(path).Kind;

    /// <summary>
    /// The kind of <paramref name="path"/> itself and, for a regular file on Linux, its stamp (read by the same call,
    /// so it costs nothing more); elsewhere no stamp.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">The folder holding the path may not be searched.</exception>
    public static (EntryKind Kind, FileChangeStamp? Stamp) Examine(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            return OfLinux(path);
        }

        // Elsewhere only what .NET can tell: macOS's pipes are then read as files (Windows has none in folders).
        var info = new FileInfo(path);
        return (info.LinkTarget is not null ? EntryKind.Link
            : Directory.Exists(path) ? EntryKind.Folder
            : info.Exists ? EntryKind.Regular
            : EntryKind.Missing, null);
    }

    /// <summary>A name for the kind in messages: "a named pipe".</summary>
    public static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.Regular => "a file",
        EntryKind.Folder => "a folder",
        EntryKind.Link => "a link",
        EntryKind.NamedPipe => "a named pipe (FIFO)",
        EntryKind.Socket => "a socket",
        EntryKind.Device => "a device",
        _ => "not a file",
    };

    private const int AtCurrentFolder = -100;
    private const int AtNoFollow = 0x100;
    private const uint WantType = 0x1;

    // STATX_TYPE, STATX_CTIME, STATX_MTIME, STATX_INO and STATX_SIZE: what a stamp is made of.
    private const uint WantStamp = 0x1 | 0x40 | 0x80 | 0x100 | 0x200;
    private const int NoEntry = 2;
    private const int AccessDenied = 13;
    private const int NotAFolder = 20;
    private const int NameTooLong = 36;

    private static (EntryKind, FileChangeStamp?) OfLinux(string path)
    {
        if (Statx(AtCurrentFolder, path, AtNoFollow, WantStamp, out var status) != 0)
        {
            return (Marshal.GetLastPInvokeError() switch
            {
                NoEntry or NotAFolder or NameTooLong => EntryKind.Missing,
                AccessDenied => throw new UnauthorizedAccessException($"Access to the path '{path}' is denied."),
                var error => throw new IOException($"'{path}' cannot be examined (error {error})."),
            }, null);
        }

        var kind = (status.Mode & 0xF000) switch
        {
            0x8000 => EntryKind.Regular,
            0x4000 => EntryKind.Folder,
            0xA000 => EntryKind.Link,
            0x1000 => EntryKind.NamedPipe,
            0xC000 => EntryKind.Socket,
            _ => EntryKind.Device,
        };

        // A file system that cannot give all of it gives no stamp: the file is then always read.
        var stamp = kind == EntryKind.Regular && (status.Mask & WantStamp) == WantStamp
            ? new FileChangeStamp(
                (long)status.Size,
                (status.ModifiedSeconds * 1_000_000_000) + status.ModifiedNanoseconds,
                (status.ChangedSeconds * 1_000_000_000) + status.ChangedNanoseconds,
                status.Inode)
            : (FileChangeStamp?)null;
        return (kind, stamp);
    }

    // statx rather than lstat: its buffer has the same layout on every architecture (struct statx in linux/stat.h).
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(0)]
        public uint Mask;

        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(40)]
        public ulong Size;

        [FieldOffset(96)]
        public long ChangedSeconds;

        [FieldOffset(104)]
        public uint ChangedNanoseconds;

        [FieldOffset(112)]
        public long ModifiedSeconds;

        [FieldOffset(120)]
        public uint ModifiedNanoseconds;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int folder, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out StatxBuffer buffer);
}

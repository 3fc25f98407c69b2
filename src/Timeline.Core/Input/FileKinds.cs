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
/// Tells what a path is without opening it: opening a named pipe waits for a writer (forever, in a build), and .NET
/// shows a pipe, a socket or a device as an ordinary file.
/// </summary>
public static partial class FileKinds
{
    /// <summary>The kind of <paramref name="path"/> itself (a link is a link, not what it points to).</summary>
    /// <exception cref="UnauthorizedAccessException">The folder holding the path may not be searched.</exception>
    public static EntryKind Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            return OfLinux(path);
        }

        // Elsewhere only what .NET can tell: macOS's pipes are then read as files (Windows has none in folders).
        var info = new FileInfo(path);
        return info.LinkTarget is not null ? EntryKind.Link
            : Directory.Exists(path) ? EntryKind.Folder
            : info.Exists ? EntryKind.Regular
            : EntryKind.Missing;
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
    private const int NoEntry = 2;
    private const int AccessDenied = 13;
    private const int NotAFolder = 20;
    private const int NameTooLong = 36;

    private static EntryKind OfLinux(string path)
    {
        if (Statx(AtCurrentFolder, path, AtNoFollow, WantType, out var status) != 0)
        {
            return Marshal.GetLastPInvokeError() switch
            {
                NoEntry or NotAFolder or NameTooLong => EntryKind.Missing,
                AccessDenied => throw new UnauthorizedAccessException($"Access to the path '{path}' is denied."),
                var error => throw new IOException($"'{path}' cannot be examined (error {error})."),
            };
        }

        return (status.Mode & 0xF000) switch
        {
            0x8000 => EntryKind.Regular,
            0x4000 => EntryKind.Folder,
            0xA000 => EntryKind.Link,
            0x1000 => EntryKind.NamedPipe,
            0xC000 => EntryKind.Socket,
            _ => EntryKind.Device,
        };
    }

    // statx rather than lstat: its buffer has the same layout on every architecture.
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int folder, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out StatxBuffer buffer);
}

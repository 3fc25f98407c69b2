using System.Collections.Concurrent;
using System.IO.Enumeration;

namespace Timeline.Output;

/// <summary>
/// The site the last build replaced, kept beside the output so that the next build can stage into it instead of
/// making every file and folder anew and deleting the old site afterwards (on ext4, tens of thousands of new inodes
/// right after as many were freed cost more than rendering). A file whose bytes are unchanged is left as it is; a
/// changed one is removed and made anew, never written into, since it may have other links; whatever the new site
/// no longer has is removed before the swap. The result is the same bytes as a build into an empty folder.
/// </summary>
internal sealed class SpareOutput
{
    [ThreadStatic]
    private static byte[]? t_buffer;

    private readonly string _root;

    // Old files and folders that this build has not yet claimed, by their path inside the folder (which halves what
    // 80,000 of them hold), each file with its size and time of last change as the survey found them (see Holds);
    // what is left at the end is stale.
    private readonly ConcurrentDictionary<string, FileStamp> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FileStamp>.AlternateLookup<ReadOnlySpan<char>> _fileLookup;
    private readonly ConcurrentDictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> _folderLookup;

    private SpareOutput(string root)
    {
        _root = root;
        _fileLookup = _files.GetAlternateLookup<ReadOnlySpan<char>>();
        _folderLookup = _folders.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Where the output's spare is kept: a hidden folder beside it, on the same file system.</summary>
    public static string FolderFor(string parent, string name) => Path.Combine(parent, $".{name}.spare");

    /// <summary>
    /// Walks the spare where it stands, before the build needs it: started when a build begins, the walk (a second
    /// of one core at 10,000 events, most of it the kernel listing 30,000 folders) runs while the records are read
    /// and resolved. Null when there is no spare of the build's own or it cannot be walked; links are noted, not
    /// removed, until the spare is claimed.
    /// </summary>
    public static Task<Survey?> SurveyEarly(string spare) => Task.Run(() =>
    {
        try
        {
            return OwnedFolder.IsOwned(spare, OwnedFolder.Output) ? Survey.Of(spare) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    });

    /// <summary>
    /// Takes the spare as the staging folder, by renaming it, so that two builds never share one, with the walk made
    /// of it early when there is one (see <see cref="SurveyEarly"/>). Null when there is no spare or another build took it first.
    /// </summary>
    public static SpareOutput? Claim(string spare, string staging, Task<Survey?>? early = null)
    {
        if (!OwnedFolder.PathExists(spare))
        {
            return null;
        }

        // The early walk ends before the spare is renamed: a walk still going would miss what it had not reached
        // (a folder that vanishes while it is listed is skipped, not reported), and a file it missed would be in the way.
        var surveyed = early?.GetAwaiter().GetResult();
        try
        {
            // Refuses a link or a folder without the output's marker (NotOwnedException), never following it.
            OwnedFolder.Move(spare, staging, OwnedFolder.Output);
        }
        catch (IOException ex) when (ex is not NotOwnedException)
        {
            return null;
        }

        var claimed = new SpareOutput(staging);
        claimed.Take(surveyed ?? Survey.Of(staging));
        return claimed;
    }

    /// <summary>
    /// Before <paramref name="target"/> is written: true when the old file there holds exactly
    /// <paramref name="content"/> (its stamp given), so nothing need be written; otherwise any old file there is removed first.
    /// </summary>
    public bool Keeps(string target, ReadOnlySpan<byte> content, out FileStamp stamp)
    {
        if (!_fileLookup.TryRemove(Inside(target), out _, out stamp))
        {
            return false;
        }

        if (SameBytesIfReadable(target, content))
        {
            return true;
        }

        File.Delete(target);
        return false;
    }

    /// <summary>
    /// Before the output's file with <paramref name="stamp"/> is linked in at <paramref name="target"/>: true when the
    /// old file there has the same size and time of last change, which after the first such build is the same file
    /// (the last build linked it into the output this spare was), so nothing need be done; otherwise any old file
    /// there is removed first. Size and time, as rsync's quick check: reading 40,000 unchanged pages to compare them
    /// cost more than rendering them.
    /// </summary>
    public bool Holds(string target, FileStamp stamp)
    {
        if (!_fileLookup.TryRemove(Inside(target), out _, out var old))
        {
            return false;
        }

        if (old == stamp)
        {
            return true;
        }

        File.Delete(target);
        return false;
    }

    /// <summary>Whether the old file at <paramref name="target"/> has <paramref name="stamp"/>, without claiming it (see <see cref="Holds"/>).</summary>
    public bool Has(string target, FileStamp stamp) => _fileLookup.TryGetValue(Inside(target), out var old) && old == stamp;

    /// <summary>Before <paramref name="target"/> is written whole by other means: any old file there is removed first.</summary>
    public void Replace(string target)
    {
        if (_fileLookup.TryRemove(Inside(target), out _, out _))
        {
            File.Delete(target);
        }
    }

    /// <summary>Notes that the new site has <paramref name="folder"/>, and so every folder above it; true when the old site had it.</summary>
    public bool Use(string folder)
    {
        var had = folder == _root || _folderLookup.ContainsKey(Inside(folder));
        for (var current = folder; current.Length > _root.Length; current = Path.GetDirectoryName(current)!)
        {
            // An old file where the new site has a folder goes first.
            if (_fileLookup.TryRemove(Inside(current), out _, out _))
            {
                File.Delete(current);
            }

            _folderLookup.TryRemove(Inside(current), out _, out _);
        }

        return had;
    }

    /// <summary>
    /// Hands <paramref name="folder"/> (a path inside the site) to a step that brings it up to date by itself (the
    /// search index): what the spare holds there is no longer removed as stale, and is returned as the walk found it,
    /// so that the step need not look at it again.
    /// </summary>
    public Contents HandOver(string folder)
    {
        bool Under(string path) => path == folder || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

        var files = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        foreach (var file in _files.Keys.Where(Under).ToList())
        {
            if (_files.TryRemove(file, out var stamp))
            {
                files[file] = stamp;
            }
        }

        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var under in _folders.Keys.Where(Under).ToList())
        {
            if (_folders.TryRemove(under, out _))
            {
                folders.Add(under);
            }
        }

        return new Contents(files, folders);
    }

    /// <summary>Removes every old file and folder the new site did not write or hand over, once all writing is done.</summary>
    public void RemoveStale()
    {
        // One by one: few are stale in a rebuild, and a failure must reach the caller as itself, not wrapped.
        foreach (var file in _files.Keys)
        {
            File.Delete(Path.Combine(_root, file));
        }

        _files.Clear();

        // Deepest first, so that each folder is empty by the time it is removed.
        foreach (var folder in _folders.Keys.OrderByDescending(f => f.Length))
        {
            Directory.Delete(Path.Combine(_root, folder), recursive: false);
        }

        _folders.Clear();
    }

    /// <summary>Files, with their stamps, and folders, by path inside the site.</summary>
    public sealed record Contents(Dictionary<string, FileStamp> Files, HashSet<string> Folders);

    // What a walk found: plain files and folders are noted; anything else (a symbolic link above all) is removed, so
    // that no write of this build can follow it out of the folder.
    private void Take(Survey survey)
    {
        foreach (var link in survey.Links)
        {
            File.Delete(Path.Combine(_root, link));
        }

        foreach (var (file, stamp) in survey.Files)
        {
            _files[file] = stamp;
        }

        foreach (var folder in survey.Folders)
        {
            _folders[folder] = 0;
        }
    }

    /// <summary>One walk over an old site: its files with their stamps, its folders and its links, by their paths inside it.</summary>
    internal sealed class Survey
    {
        private Survey()
        {
        }

        public List<(string Path, FileStamp Stamp)> Files { get; } = [];

        public List<string> Folders { get; } = [];

        public List<string> Links { get; } = [];

        public static Survey Of(string root)
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
            var entries = new FileSystemEnumerable<(string Path, bool Folder, bool Link, FileStamp Stamp)>(
                root,
                (ref FileSystemEntry entry) => (InsideOf(root, ref entry), entry.IsDirectory, (entry.Attributes & FileAttributes.ReparsePoint) != 0, new FileStamp(entry.Length, entry.LastWriteTimeUtc.UtcTicks)),
                options)
            {
                ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
            };

            var survey = new Survey();
            foreach (var (inside, folder, link, stamp) in entries)
            {
                // The marker stays through the whole build: it is what proves the folder is the build's own.
                if (inside == OwnedFolder.Output.Marker && !link && !folder)
                {
                    continue;
                }

                if (link)
                {
                    survey.Links.Add(inside);
                }
                else if (folder)
                {
                    survey.Folders.Add(inside);
                }
                else
                {
                    survey.Files.Add((inside, stamp));
                }
            }

            return survey;
        }

        // An entry's path inside the walked folder, made as one string (a site of 10,000 events has 100,000 entries).
        private static string InsideOf(string root, ref FileSystemEntry entry)
        {
            var folder = entry.Directory;
            return folder.Length <= root.Length
                ? entry.FileName.ToString()
                : string.Concat(folder[(root.Length + 1)..], Separator, entry.FileName);
        }

        private static readonly string Separator = Path.DirectorySeparatorChar.ToString();
    }

    private ReadOnlySpan<char> Inside(string path) => path.AsSpan(_root.Length + 1);

    // An old file this build cannot read (its mode changed, say) is replaced like a changed one, not a failure.
    private static bool SameBytesIfReadable(string path, ReadOnlySpan<byte> content)
    {
        try
        {
            return SameBytes(path, content);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Whether the file at <paramref name="path"/> holds exactly <paramref name="content"/>.</summary>
    private static bool SameBytes(string path, ReadOnlySpan<byte> content)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        if (RandomAccess.GetLength(handle) != content.Length)
        {
            return false;
        }

        var buffer = t_buffer ??= new byte[64 * 1024];
        var offset = 0;
        while (offset < content.Length)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(0, Math.Min(buffer.Length, content.Length - offset)), offset);
            if (read <= 0 || !buffer.AsSpan(0, read).SequenceEqual(content.Slice(offset, read)))
            {
                return false;
            }

            offset += read;
        }

        return true;
    }
}

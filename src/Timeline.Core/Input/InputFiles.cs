using System.Runtime.InteropServices;
using Timeline.Diagnostics;

namespace Timeline.Input;

/// <summary>A file found for reading: the path it is listed and shown by, and the real file behind it to open.</summary>
public readonly record struct FoundFile(string Path, string RealPath)
{
    /// <summary>The file's stamp when it was found, for a regular file listed as itself (not through a link) on Linux.</summary>
    public FileChangeStamp? Stamp { get; init; }
}

/// <summary>
/// Finds the files of one folder tree, the input or the theme folder, for reading. Only regular files are returned;
/// a named pipe, socket or device, a link that leaves the tree or points to nothing, a link loop and a folder that
/// cannot be read are reported, naming the path, and never opened. A link to a file or folder inside the tree is
/// followed. Build and serve both read through this class, so they refuse the same files.
/// </summary>
public sealed class InputFiles
{
    // Linux gives up on a path after 40 links (ELOOP); so do we, reporting a link loop.
    private const int MaxLinks = 40;

    private readonly string _root;
    private readonly string _realRoot;
    private readonly PathDisplay _display;
    private readonly DiagnosticBag _diagnostics;

    public InputFiles(string root, PathDisplay display, DiagnosticBag diagnostics)
    {
        _root = Path.GetFullPath(root);
        _display = display;
        _diagnostics = diagnostics;
        _realRoot = RealPath(_root).Path ?? _root;
    }

    /// <summary>
    /// Whether the root folder itself may be listed and what it holds looked at (read and search permission). When it
    /// may not, one error names the folder (unless another reader of the same folder has reported it), instead of one
    /// for each file that then cannot be reached.
    /// </summary>
    public bool RootIsReadable(bool report = true)
    {
        if (Access(_root, ReadAndSearch) == 0)
        {
            return true;
        }

        if (report)
        {
            _diagnostics.FolderError(_display.Show(_root), ErrorMessages.UnreadableFolder("permission denied"));
        }

        return false;
    }

    private const int ReadAndSearch = 4 | 1;  // R_OK | X_OK

    [DllImport("libc", EntryPoint = "access", SetLastError = true)]
    private static extern int Access([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);

    /// <summary>
    /// The regular files under <paramref name="folder"/> whose paths <paramref name="include"/> accepts, in ordinal
    /// order of their paths, looking into the subfolders <paramref name="descend"/> accepts. A missing folder has none.
    /// </summary>
    public IReadOnlyList<FoundFile> List(string folder, Func<string, bool> include, Func<string, bool> descend)
    {
        var found = new List<FoundFile>();
        if (Follow(folder, folder, _ => true, _ => true) is not { } start || start.Kind == EntryKind.Missing)
        {
            return found;
        }

        if (start.Kind != EntryKind.Folder)
        {
            var name = Path.GetRelativePath(_root, Path.GetFullPath(folder)).Replace('\\', '/');
            Error(folder, ErrorMessages.NotAFolder(name, FileKinds.Describe(start.Kind)));
            return found;
        }

        Walk(folder, RealPath(start.Real).Path ?? start.Real, include, descend, found, []);
        found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return found;
    }

    /// <summary>
    /// The file at <paramref name="path"/> if it is one to read; null, after reporting why, if it is not, and null
    /// after calling <paramref name="missing"/> (when given) if nothing is there.
    /// </summary>
    public FoundFile? Find(string path, Action? missing = null)
    {
        if (Follow(path, path, _ => true, _ => true) is not { } entry)
        {
            return null;
        }

        switch (entry.Kind)
        {
            case EntryKind.Missing:
                missing?.Invoke();
                return null;
            case EntryKind.Regular:
                // A file reached through a linked folder is checked like a link: the whole path must stay in the tree.
                if (RealPath(entry.Real) is not { Path: { } real } || !Inside(real, _realRoot))
                {
                    Error(path, ErrorMessages.LinkLeavesFolder(Shown(_root)));
                    return null;
                }

                return new FoundFile(path, real);
            default:
                Error(path, ErrorMessages.NotARegularFile(FileKinds.Describe(entry.Kind)));
                return null;
        }
    }

    private void Walk(string folder, string real, Func<string, bool> include, Func<string, bool> descend, List<FoundFile> found, List<string> walking)
    {
        List<string> names;
        try
        {
            names = Directory.EnumerateFileSystemEntries(real).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToList();
        }
        catch (UnauthorizedAccessException)
        {
            _diagnostics.FolderError(_display.Show(folder), ErrorMessages.UnreadableFolder("permission denied"));
            return;
        }
        catch (IOException ex)
        {
            _diagnostics.FolderError(_display.Show(folder), ErrorMessages.UnreadableFolder(ex.Message));
            return;
        }

        walking.Add(real);
        foreach (var name in names)
        {
            var path = Path.Combine(folder, name);
            if (Follow(path, Path.Combine(real, name), include, descend) is not { } entry)
            {
                continue;
            }

            if (entry.Kind == EntryKind.Folder)
            {
                if (!descend(path))
                {
                    continue;
                }

                // A linked folder that holds the link, or one being walked, would be walked without end.
                if (walking.Contains(entry.Real, StringComparer.Ordinal) || Inside(real, entry.Real))
                {
                    Error(path, ErrorMessages.LinkLoop());
                    continue;
                }

                Walk(path, entry.Real, include, descend, found, walking);
            }
            else if (entry.Kind != EntryKind.Missing && include(path))
            {
                if (entry.Kind == EntryKind.Regular)
                {
                    found.Add(new FoundFile(path, entry.Real) { Stamp = entry.Stamp });
                }
                else
                {
                    Error(path, ErrorMessages.NotARegularFile(FileKinds.Describe(entry.Kind)));
                }
            }
        }

        walking.RemoveAt(walking.Count - 1);
    }

    /// <summary>
    /// What is at <paramref name="real"/> (listed as <paramref name="path"/>), with a link inside the tree followed to
    /// what it points to; null when there is a problem. A bad link is reported only where it matters: as a file that
    /// would be read, or a folder that would be walked.
    /// </summary>
    private (EntryKind Kind, string Real, FileChangeStamp? Stamp)? Follow(string path, string real, Func<string, bool> include, Func<string, bool> descend)
    {
        EntryKind kind;
        FileChangeStamp? stamp;
        try
        {
            (kind, stamp) = FileKinds.Examine(real);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Error(path, ErrorMessages.UnreadableFile(ex.Message));
            return null;
        }

        if (kind != EntryKind.Link)
        {
            return (kind, real, stamp);
        }

        var (target, loop) = RealPath(real);
        if (target is null)
        {
            if (include(path) || (loop && descend(path)))
            {
                Error(path, loop ? ErrorMessages.LinkLoop() : ErrorMessages.DanglingLink());
            }

            return null;
        }

        if (!Inside(target, _realRoot))
        {
            // Its target is neither read nor named: a hostile repository's link must not show what it reaches.
            if (Directory.Exists(target) ? descend(path) : include(path))
            {
                Error(path, ErrorMessages.LinkLeavesFolder(Shown(_root)));
            }

            return null;
        }

        // What a link leads to is read every time: its stamp would be the link's.
        return (FileKinds.Of(target), target, null);
    }

    /// <summary>The path with every link in it resolved, as realpath(3) does; null when it leads nowhere, or loops.</summary>
    private static (string? Path, bool Loop) RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = root;
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }

            var next = Path.Combine(current, part);
            FileSystemInfo info = new FileInfo(next);
            if (info.LinkTarget is not { } target)
            {
                if (!info.Exists && !Directory.Exists(next))
                {
                    return (null, false);
                }

                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return (null, true);
            }

            foreach (var step in target.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(step);
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
            }
        }

        return (current, false);
    }

    private static bool Inside(string path, string folder) =>
        path == folder || path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private string Shown(string path) => _display.Show(path) + "/";

    /// <summary>An entry that cannot be read as a file (a pipe, a link, a file where a folder belongs), named as a whole file.</summary>
    private void Error(string path, ErrorMessage message) => _diagnostics.Error(_display.Show(path), SourcePosition.WholeFile, message);
}

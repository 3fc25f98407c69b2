namespace Timeline.Output;

/// <summary>
/// The one guard for every folder a build deletes, moves or writes into outside the input: the output, its spare, an
/// old output left by an interrupted swap, a staging folder, the cache and the search index's cache. A build acts on
/// such a path only when it is missing, an empty real folder, or a real folder that carries the build's marker file.
/// Links are never followed: a symbolic link (or junction) where a build keeps its own folder is refused, checked with
/// the link's own attributes, not its target's, so that a link committed to a repository cannot point a build at
/// someone's home folder.
/// </summary>
internal static partial class OwnedFolder
{
    /// <summary>The kinds of folder a build owns, each known by the marker file it writes into them.</summary>
    public sealed record Kind(string Marker, string MarkerText)
    {
        /// <summary>
        /// Recognises a folder an earlier version of Timeline made before it wrote markers, by every entry's name and
        /// kind, so that it can be marked instead of refused. Null when there was no such version.
        /// </summary>
        public Func<string, bool>? IsLegacy { get; init; }
    }

    /// <summary>An output, its spare, an old output or a staging folder.</summary>
    public static readonly Kind Output = new(".timeline-output", "This folder was written by Timeline and is replaced on every build.\n");

    /// <summary>
    /// The cache and its search folder, marked with the Cache Directory Tagging Specification's file, so that backup
    /// tools that honour it skip them (https://bford.info/cachedir/).
    /// </summary>
    public static readonly Kind Cache = new("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache made by Timeline; it may be deleted at any time.\n")
    {
        IsLegacy = IsLegacyCache,
    };

    /// <summary>
    /// Why <paramref name="path"/> is not a folder a build may act on, in words that follow "'path' ..."; null when
    /// it is missing, an empty real folder or a real folder with <paramref name="kind"/>'s marker.
    /// </summary>
    public static string? Refusal(string path, Kind kind)
    {
        var info = new DirectoryInfo(path);
        if (IsLink(info))
        {
            return info.LinkTarget is { } target
                ? $"is a symbolic link (to '{target}'), and a build never follows a link where it keeps its own folders"
                : "is a link, and a build never follows a link where it keeps its own folders";
        }

        if (!info.Exists)
        {
            return File.Exists(path) || PathExists(path) ? "is a file, not a folder" : null;
        }

        if (HasMarker(path, kind) || IsEmpty(path) || kind.IsLegacy?.Invoke(path) == true)
        {
            return null;
        }

        return $"is a folder that Timeline did not make (it has no {kind.Marker} file)";
    }

    /// <summary>Whether <paramref name="path"/> is a real folder carrying <paramref name="kind"/>'s marker.</summary>
    public static bool IsOwned(string path, Kind kind)
    {
        var info = new DirectoryInfo(path);
        return !IsLink(info) && info.Exists && HasMarker(path, kind);
    }

    /// <summary>
    /// Makes <paramref name="path"/> a folder of the build's, with its marker: made anew when missing, marked when it
    /// is an empty real folder, left as it is when it already is one. Throws <see cref="NotOwnedException"/> otherwise.
    /// </summary>
    public static void Claim(string path, Kind kind)
    {
        Ensure(path, kind);
        Directory.CreateDirectory(path);
        if (!HasMarker(path, kind))
        {
            File.WriteAllText(Path.Combine(path, kind.Marker), kind.MarkerText);
        }

        // Made between the check and the marker by someone else: refuse it now rather than act on it later.
        Ensure(path, kind);
    }

    /// <summary>Deletes <paramref name="path"/> and all it holds when it is the build's own; links in it are removed, never followed.</summary>
    public static void Delete(string path, Kind kind)
    {
        Ensure(path, kind);
        if (Directory.Exists(path))
        {
            // .NET removes a link met inside the tree without following it.
            Directory.Delete(path, recursive: true);
        }
    }

    /// <summary>Renames the build's own folder <paramref name="from"/> to <paramref name="to"/> (which must not exist).</summary>
    public static void Move(string from, string to, Kind kind)
    {
        Ensure(from, kind);
        if (PathExists(to))
        {
            throw new IOException($"'{to}' already exists.");
        }

        Directory.Move(from, to);
    }

    /// <summary>Throws <see cref="NotOwnedException"/>, with the reason, when <paramref name="path"/> is not the build's to act on.</summary>
    public static void Ensure(string path, Kind kind)
    {
        if (Refusal(path, kind) is { } reason)
        {
            throw new NotOwnedException(path, reason);
        }
    }

    /// <summary>Whether anything, a dangling link included, is at <paramref name="path"/>.</summary>
    public static bool PathExists(string path)
    {
        var info = new FileInfo(path);
        return info.Exists || Directory.Exists(path) || info.LinkTarget is not null;
    }

    /// <summary>Whether the entry itself (not what it points to) is a symbolic link or another kind of reparse point.</summary>
    public static bool IsLink(FileSystemInfo info) =>
        info.LinkTarget is not null || (info.Exists && (info.Attributes & FileAttributes.ReparsePoint) != 0);

    // The marker must itself be a plain file: a link named like it proves nothing.
    private static bool HasMarker(string path, Kind kind)
    {
        var marker = new FileInfo(Path.Combine(path, kind.Marker));
        return marker.Exists && !IsLink(marker);
    }

    private static bool IsEmpty(string path) => !Directory.EnumerateFileSystemEntries(path).Any();

    // Timeline 1.0 kept its cache without a marker: share images named by a SHA-256 key (and their half-written
    // .tmp files), and search/ holding one folder per key (and their .tmp- staging folders); nothing else, no links.
    private static bool IsLegacyCache(string path)
    {
        var entries = new DirectoryInfo(path).EnumerateFileSystemInfos();
        return Path.GetFileName(path) == "search"
            ? entries.All(IsLegacyIndex)
            : entries.All(e => !IsLink(e) && (e is DirectoryInfo folder
                ? folder.Name == "search" && folder.EnumerateFileSystemInfos().All(IsLegacyIndex)
                : LegacyImageName().IsMatch(e.Name)));
    }

    private static bool IsLegacyIndex(FileSystemInfo entry) => !IsLink(entry) && entry is DirectoryInfo && LegacyIndexName().IsMatch(entry.Name);

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-f]{64}(\\.png|\\.[0-9a-f]{32}\\.tmp)$")]
    private static partial System.Text.RegularExpressions.Regex LegacyImageName();

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-f]{64}(\\.tmp-[0-9a-f]{32})?$")]
    private static partial System.Text.RegularExpressions.Regex LegacyIndexName();
}

/// <summary>A folder the build was about to act on is not its own; the build stops instead of touching it.</summary>
internal sealed class NotOwnedException(string path, string reason) : IOException($"'{path}' {reason}")
{
    public string Path { get; } = path;

    public string Reason { get; } = reason;
}

using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Model;
using Timeline.Output.Search;

namespace Timeline.Output;

/// <summary>
/// The Output phase. The site is written into a temporary folder beside the output and swapped in only when
/// every file is written, so an error or an interrupted build never leaves a half-written site.
/// </summary>
internal static class OutputWriter
{
    /// <summary>Marks a folder as a Timeline output, which a later build may replace.</summary>
    public static string MarkerFile => OwnedFolder.Output.Marker;

    /// <summary>Why the output folder must not be used, or null when it is safe to replace.</summary>
    public static string? Refusal(string output, string input, string theme)
    {
        var full = Normalize(output);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (Path.GetPathRoot(full) == full + Path.DirectorySeparatorChar || Path.GetPathRoot(full) == full)
        {
            return "it is the root of the file system";
        }

        if (home.Length > 0 && full == Normalize(home))
        {
            return "it is your home folder";
        }

        foreach (var (folder, name) in new[] { (input, "input"), (theme, "theme") })
        {
            var other = Normalize(folder);
            if (full == other || IsInside(other, full) || IsInside(full, other))
            {
                return $"it overlaps the {name} folder '{folder}'";
            }
        }

        if (Directory.Exists(Path.Combine(full, ".git")) || File.Exists(Path.Combine(full, "Timeline.sln")))
        {
            return "it is the root of a repository";
        }

        // Checked on the entry itself: a link to a previous output elsewhere would be renamed, kept as the spare and
        // written through by the next build.
        if (OwnedFolder.IsLink(new DirectoryInfo(full)))
        {
            return "it is a symbolic link; pass the folder it points to as --output, or remove the link";
        }

        if (File.Exists(full))
        {
            return "it is a file";
        }

        if (OwnedFolder.Refusal(full, OwnedFolder.Output) is not null)
        {
            return $"it is not empty and is not a previous Timeline output (it has no {MarkerFile} file)";
        }

        return null;
    }

    /// <summary>
    /// Reports every folder a build would write, move or delete and may not: the output itself (TL0500), the folders
    /// beside it that a build takes over (TL0510) and the cache (TL0511), all at once. False when any was reported.
    /// </summary>
    public static bool CheckFolders(string output, string input, string theme, string cache, PathDisplay display, DiagnosticBag diagnostics)
    {
        var ok = true;
        if (Refusal(output, input, theme) is { } refusal)
        {
            var shown = display.Show(output);
            diagnostics.FolderError(shown, ErrorMessages.UnsafeOutput(shown, refusal));
            ok = false;
        }

        foreach (var (path, reason) in ForeignNeighbours(output))
        {
            diagnostics.FolderError(display.Show(path), ErrorMessages.NotOwnFolder(display.Show(path), reason));
            ok = false;
        }

        foreach (var folder in new[] { cache, SearchIndexCache.FolderIn(cache) })
        {
            if (OwnedFolder.Refusal(folder, OwnedFolder.Cache) is { } reason)
            {
                diagnostics.FolderError(display.Show(folder), ErrorMessages.NotOwnCache(display.Show(folder), reason));
                ok = false;

                // What is inside a folder that is not the build's own is none of its business.
                break;
            }
        }

        return ok;
    }

    /// <summary>
    /// The entries beside the output that a build would take over (its spare, an old output left by an interrupted
    /// swap, a staging folder) but may not, with why: a link, a file, or a folder without the output's marker.
    /// </summary>
    public static IReadOnlyList<(string Path, string Reason)> ForeignNeighbours(string output)
    {
        var full = Normalize(output);
        var parent = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        var found = new List<(string, string)>();
        if (!Directory.Exists(parent))
        {
            return found;
        }

        // Every entry, links and files included: EnumerateDirectories would follow a link to a folder and skip a dangling one.
        foreach (var entry in Directory.EnumerateFileSystemEntries(parent, $".{name}.*").Order(StringComparer.Ordinal))
        {
            if (IsNeighbour(entry, name) && OwnedFolder.Refusal(entry, OwnedFolder.Output) is { } reason)
            {
                found.Add((entry, reason));
            }
        }

        return found;
    }

    private static bool IsNeighbour(string entry, string name)
    {
        var file = Path.GetFileName(entry);
        return file == Path.GetFileName(SpareOutput.FolderFor("", name))
            || file.StartsWith($".{name}{OldMark}", StringComparison.Ordinal)
            || file.StartsWith($".{name}{StagingMark}", StringComparison.Ordinal);
    }

    private const string OldMark = ".old-";

    private const string StagingMark = ".tmp-";

    /// <summary>Starts walking the output's spare, for <see cref="Stage"/> to claim later (see <see cref="SpareOutput.SurveyEarly"/>).</summary>
    public static Task<SpareOutput.Survey?> SurveySpare(string output)
    {
        var full = Normalize(output);
        return SpareOutput.SurveyEarly(SpareOutput.FolderFor(Path.GetDirectoryName(full)!, Path.GetFileName(full)));
    }

    /// <summary>
    /// Starts writing a site: files added go straight into a new staging folder beside the output, so a build need
    /// not hold the whole site in memory. Null, with the error reported, when the staging folder cannot be made.
    /// </summary>
    public static StagedOutput? Stage(string output, DiagnosticBag diagnostics, string shownOutput, Task<SpareOutput.Survey?>? spareSurvey = null)
    {
        var full = Normalize(output);
        var parent = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        var staging = Path.Combine(parent, $".{name}{StagingMark}{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            RecoverLeftovers(parent, name, full);
            // Marked from the start (a spare that was an empty folder included), so that a build killed now leaves
            // a folder the next one knows as its own.
            var spare = ClaimSpare(SpareOutput.FolderFor(parent, name), staging, spareSurvey);
            OwnedFolder.Claim(staging, OwnedFolder.Output);

            return new StagedOutput(full, staging, diagnostics, shownOutput, spare);
        }
        catch (NotOwnedException ex)
        {
            // Checked before the build began; met here only when something appeared there since.
            var shown = ShownBeside(shownOutput, ex.Path);
            diagnostics.FolderError(shown, ErrorMessages.NotOwnFolder(shown, ex.Reason));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(staging);
            diagnostics.Error(shownOutput, SourcePosition.None, ErrorMessages.OutputFailed(shownOutput, ex.Message));
            return null;
        }
    }

    // A spare that cannot be surveyed (a folder in it we may not read, say) is only a lost saving: start afresh.
    // One that is not the build's own is never touched.
    private static SpareOutput? ClaimSpare(string spare, string staging, Task<SpareOutput.Survey?>? survey)
    {
        try
        {
            return SpareOutput.Claim(spare, staging, survey);
        }
        catch (Exception ex) when (ex is (IOException or UnauthorizedAccessException) and not NotOwnedException)
        {
            TryDelete(staging);
            return null;
        }
    }

    /// <summary>
    /// A site being written into its staging folder. <see cref="Commit"/> swaps it in for the output; disposing it
    /// without a commit (an error anywhere in the build) removes it, and the previous output stays as it was.
    /// </summary>
    public sealed class StagedOutput : IDisposable
    {
        private readonly string _full;
        private readonly string _staging;
        private readonly DiagnosticBag _diagnostics;
        private readonly string _shown;
        private readonly SpareOutput? _spare;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<bool>> _folders = new(StringComparer.Ordinal);
        private int _failed;
        private bool _committed;

        internal StagedOutput(string full, string staging, DiagnosticBag diagnostics, string shown, SpareOutput? spare)
        {
            _full = full;
            _staging = staging;
            _diagnostics = diagnostics;
            _shown = shown;
            _spare = spare;
        }

        /// <summary>Writes one file now; safe to call from several threads. A failure is reported once, and ends the writing.</summary>
        public void Add(OutputFile file) => Add(file.Path, file.Content);

        /// <summary>
        /// As <see cref="Add(OutputFile)"/>, for a file's bytes held elsewhere; they are written before this returns.
        /// Returns the written file's stamp, or null when writing failed.
        /// </summary>
        public FileStamp? Add(string path, ReadOnlySpan<byte> content)
        {
            if (Volatile.Read(ref _failed) != 0)
            {
                return null;
            }

            var target = Target(_staging, path);
            try
            {
                MakeFolderOf(target);
                if (_spare?.Keeps(target, content, out var kept) == true)
                {
                    return kept;
                }

                // One open and one write: no stream, no buffer of its own (the CLI also turns off .NET's advisory locks).
                using var handle = File.OpenHandle(target, FileMode.Create, FileAccess.Write);
                RandomAccess.Write(handle, content, 0);
                return new FileStamp(content.Length, File.GetLastWriteTimeUtc(handle).Ticks);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Fail(ex);
                return null;
            }
        }

        /// <summary>
        /// Puts the output's file <paramref name="source"/>, unchanged since the last build wrote it with
        /// <paramref name="stamp"/>, at <paramref name="path"/> without reading it: left as it is when the spare already
        /// has it, else linked (or, where links cannot be made, copied). Returns the staged file's stamp, or null when it failed.
        /// </summary>
        public FileStamp? Link(string path, string source, FileStamp stamp)
        {
            if (TryLink(path, source, stamp) is { } linked)
            {
                return linked;
            }

            if (Volatile.Read(ref _failed) != 0)
            {
                return null;
            }

            var target = Target(_staging, path);
            try
            {
                File.Copy(source, target);
                return FileStamp.Of(target);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Fail(ex);
                return null;
            }
        }

        /// <summary>
        /// Puts <paramref name="source"/>, a file with <paramref name="stamp"/> that is never written into (the last
        /// output's, or a cached share image), at <paramref name="path"/> as another name of it: left as it is when the
        /// spare already has it. Returns the staged file's stamp, or null when no link could be made (another file
        /// system, or links not supported): unlike <see cref="Link"/>, that is not a failure, and the caller writes
        /// the file by other means.
        /// </summary>
        public FileStamp? TryLink(string path, string source, FileStamp stamp)
        {
            if (Volatile.Read(ref _failed) != 0)
            {
                return null;
            }

            var target = Target(_staging, path);
            try
            {
                MakeFolderOf(target);
                return _spare?.Holds(target, stamp) == true || HardLink.TryCreate(source, target) ? stamp : null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Fail(ex);
                return null;
            }
        }

        /// <summary>
        /// Writes one file by handing <paramref name="write"/> the file's stream: for large files, never held whole.
        /// Returns the written file's stamp, or null when writing failed.
        /// </summary>
        public FileStamp? Write(string path, Action<Stream> write)
        {
            if (Volatile.Read(ref _failed) != 0)
            {
                return null;
            }

            var target = Target(_staging, path);
            try
            {
                MakeFolderOf(target);
                _spare?.Replace(target);
                using (var stream = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024))
                {
                    write(stream);
                }

                return FileStamp.Of(target);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Fail(ex);
                return null;
            }
        }

        /// <summary>
        /// Removes what the spare held that the new site did not write, runs <paramref name="beforeSwap"/> (if any),
        /// the end of steps that read the written site such as the search index, then swaps the staged site in for the
        /// output. False, with the error reported, when either fails; the staged folder is then removed on disposal.
        /// </summary>
        public bool Commit(Func<bool>? beforeSwap = null)
        {
            if (Volatile.Read(ref _failed) != 0)
            {
                return false;
            }

            var parent = Path.GetDirectoryName(_full)!;
            var name = Path.GetFileName(_full);
            var previous = Path.Combine(parent, $".{name}{OldMark}{Guid.NewGuid():N}");
            try
            {
                _spare?.RemoveStale();
                if (beforeSwap is not null && !beforeSwap())
                {
                    return false;
                }

                if (OwnedFolder.PathExists(_full))
                {
                    OwnedFolder.Move(_full, previous, OwnedFolder.Output);
                }

                OwnedFolder.Move(_staging, _full, OwnedFolder.Output);
                _committed = true;
                KeepAsSpare(previous, SpareOutput.FolderFor(parent, name));
                return true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (!OwnedFolder.PathExists(_full) && OwnedFolder.IsOwned(previous, OwnedFolder.Output))
                {
                    OwnedFolder.Move(previous, _full, OwnedFolder.Output);
                }

                Fail(ex);
                return false;
            }
        }

        public void Dispose()
        {
            if (!_committed)
            {
                TryDelete(_staging);
            }
        }

        // The site just replaced becomes the next build's staging folder; when another build's spare is already
        // there, this one is deleted as before.
        private static void KeepAsSpare(string previous, string spare)
        {
            if (!OwnedFolder.PathExists(previous))
            {
                return;
            }

            try
            {
                if (!OwnedFolder.PathExists(spare))
                {
                    OwnedFolder.Move(previous, spare, OwnedFolder.Output);
                    return;
                }
            }
            catch (IOException ex) when (ex is not NotOwnedException)
            {
            }

            OwnedFolder.Delete(previous, OwnedFolder.Output);
        }

        // Each folder is made once, unless the spare has it already (20,000 of them at 10,000 events); a thread that
        // needs it while another makes it waits for it.
        // Looked up as characters first: a folder's name made as a string for each of 40,000 files was garbage.
        private void MakeFolderOf(string target)
        {
            var folder = Path.GetDirectoryName(target.AsSpan());
            var made = _folders.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(folder, out var known)
                ? known
                : _folders.GetOrAdd(folder.ToString(), f => new Lazy<bool>(() => _spare?.Use(f) == true || Directory.CreateDirectory(f).Exists));
            _ = made.Value;
        }

        /// <summary>The staging folder, for steps that read the written site (the search index).</summary>
        public string Folder => _staging;

        /// <summary>
        /// Hands <paramref name="folder"/> (inside the site) to a step that writes it by itself: what the spare this site
        /// is staged into holds there is left to that step, as the spare's walk found it; null without a spare.
        /// </summary>
        public SpareOutput.Contents? HandOver(string folder) => _spare?.HandOver(folder);

        /// <summary>Whether the spare this site is staged into already has, at <paramref name="path"/>, a file with <paramref name="stamp"/>.</summary>
        public bool Has(string path, FileStamp stamp) => _spare?.Has(Target(_staging, path), stamp) == true;

        private void Fail(Exception ex)
        {
            if (Interlocked.Exchange(ref _failed, 1) == 0)
            {
                if (ex is NotOwnedException foreign)
                {
                    var shown = ShownBeside(_shown, foreign.Path);
                    _diagnostics.FolderError(shown, ErrorMessages.NotOwnFolder(shown, foreign.Reason));
                }
                else
                {
                    _diagnostics.Error(_shown, SourcePosition.None, IsDiskFull(ex) ? ErrorMessages.DiskFull(_shown) : ErrorMessages.OutputFailed(_shown, ex.Message));
                }
            }
        }
    }

    /// <summary>The file's place in the staging folder; a path that would leave it is a bug, never written.</summary>
    private static string Target(string staging, string relative)
    {
        var target = Path.GetFullPath(relative, staging);
        if (target.Length <= staging.Length || !target.StartsWith(staging, StringComparison.Ordinal) || target[staging.Length] != Path.DirectorySeparatorChar)
        {
            throw new InvalidOperationException($"Refusing to write '{relative}' outside the output folder.");
        }

        return target;
    }

    /// <summary>
    /// A build killed mid-way leaves its staging folder behind, which is cleared; if it was killed during the swap,
    /// the previous site is in an .old folder and is put back first.
    /// </summary>
    private static void RecoverLeftovers(string parent, string name, string full)
    {
        // Every entry, not only folders: a link is listed as itself, and the guard refuses it.
        var old = Directory.EnumerateFileSystemEntries(parent, $".{name}{OldMark}*").Order(StringComparer.Ordinal).ToList();
        if (!OwnedFolder.PathExists(full) && old.Count > 0)
        {
            OwnedFolder.Move(old[0], full, OwnedFolder.Output);
            old.RemoveAt(0);
        }

        foreach (var folder in Directory.EnumerateFileSystemEntries(parent, $".{name}{StagingMark}*").Concat(old))
        {
            OwnedFolder.Ensure(folder, OwnedFolder.Output);
            TryDelete(folder);
        }
    }

    // Only ever a folder of the build's own; one that is not is left as it is.
    private static void TryDelete(string folder)
    {
        try
        {
            OwnedFolder.Delete(folder, OwnedFolder.Output);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Whether a write failed for want of space: ENOSPC or EDQUOT, which .NET gives as the HResult on Unix, or Windows' own codes.</summary>
    internal static bool IsDiskFull(Exception ex) =>
        ex is IOException && (OperatingSystem.IsWindows()
            ? (ex.HResult & 0xFFFF) is 0x70 or 0x27
            : ex.HResult is 28 or 122);

    /// <summary>A folder beside the output, as messages show it: in the folder the output is shown in.</summary>
    private static string ShownBeside(string shownOutput, string path)
    {
        var folder = Path.GetDirectoryName(shownOutput);
        return string.IsNullOrEmpty(folder) ? Path.GetFileName(path) : $"{folder.Replace('\\', '/')}/{Path.GetFileName(path)}";
    }

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static bool IsInside(string folder, string path) =>
        path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}

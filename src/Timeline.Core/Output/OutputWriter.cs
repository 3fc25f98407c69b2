using Timeline.Diagnostics;
using Timeline.PostProcess;

namespace Timeline.Output;

/// <summary>
/// The Output phase. The site is written into a temporary folder beside the output and swapped in only when
/// every file is written, so an error or an interrupted build never leaves a half-written site.
/// </summary>
public static class OutputWriter
{
    /// <summary>Marks a folder as a Timeline output, which a later build may replace.</summary>
    public const string MarkerFile = ".timeline-output";

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

        if (File.Exists(full))
        {
            return "it is a file";
        }

        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !File.Exists(Path.Combine(full, MarkerFile)))
        {
            return $"it is not empty and is not a previous Timeline output (it has no {MarkerFile} file)";
        }

        return null;
    }

    /// <summary>
    /// Writes the files, then runs <paramref name="beforeSwap"/> (if any) over the staged folder, for steps that read
    /// the written site such as the search index. When it returns false it has reported why, and nothing is swapped in.
    /// </summary>
    public static void Write(IReadOnlyList<OutputFile> files, string output, DiagnosticBag diagnostics, string shownOutput, Func<string, bool>? beforeSwap = null)
    {
        using var staged = Stage(output, diagnostics, shownOutput);
        if (staged is not null)
        {
            Parallel.ForEach(files, staged.Add);
            staged.Commit(beforeSwap);
        }
    }

    /// <summary>
    /// Starts writing a site: files added go straight into a new staging folder beside the output, so a build need
    /// not hold the whole site in memory. Null, with the error reported, when the staging folder cannot be made.
    /// </summary>
    public static StagedOutput? Stage(string output, DiagnosticBag diagnostics, string shownOutput)
    {
        var full = Normalize(output);
        var parent = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        var staging = Path.Combine(parent, $".{name}.tmp-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            RecoverLeftovers(parent, name, full);
            var spare = ClaimSpare(SpareOutput.FolderFor(parent, name), staging);
            if (spare is null)
            {
                Directory.CreateDirectory(staging);
            }

            return new StagedOutput(full, staging, diagnostics, shownOutput, spare);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(staging);
            diagnostics.Error(shownOutput, SourcePosition.File, ErrorMessages.OutputFailed(shownOutput, ex.Message));
            return null;
        }
    }

    // A spare that cannot be surveyed (a folder in it we may not read, say) is only a lost saving: start afresh.
    private static SpareOutput? ClaimSpare(string spare, string staging)
    {
        try
        {
            return SpareOutput.Claim(spare, staging);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
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

        /// <summary>As <see cref="Add(OutputFile)"/>, for a file's bytes held elsewhere; they are written before this returns.</summary>
        public void Add(string path, ReadOnlySpan<byte> content)
        {
            if (Volatile.Read(ref _failed) != 0)
            {
                return;
            }

            var target = Target(_staging, path);
            try
            {
                MakeFolderOf(target);
                if (_spare?.Keeps(target, content) == true)
                {
                    return;
                }

                // One open and one write: no stream, no buffer of its own (the CLI also turns off .NET's advisory locks).
                using var handle = File.OpenHandle(target, FileMode.Create, FileAccess.Write);
                RandomAccess.Write(handle, content, 0);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Fail(ex);
            }
        }

        /// <summary>Writes one file by handing <paramref name="write"/> the file's stream: for large files, never held whole.</summary>
        public void Write(string path, Action<Stream> write)
        {
            if (Volatile.Read(ref _failed) != 0)
            {
                return;
            }

            var target = Target(_staging, path);
            try
            {
                MakeFolderOf(target);
                _spare?.Replace(target);
                using var stream = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024);
                write(stream);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Fail(ex);
            }
        }

        /// <summary>
        /// Runs <paramref name="beforeSwap"/> (if any) over the staged folder, for steps that read the written site such
        /// as the search index, then swaps the staged site in for the output. False, with the error reported, when either
        /// fails; the staged folder is then removed on disposal. <paramref name="beforeSwapFolder"/> names the folder
        /// that <paramref name="beforeSwap"/> writes: when staging reuses the spare, the old files there are left for
        /// that step to bring up to date instead of being removed first.
        /// </summary>
        public bool Commit(Func<string, bool>? beforeSwap = null, string? beforeSwapFolder = null)
        {
            if (Volatile.Read(ref _failed) != 0)
            {
                return false;
            }

            var parent = Path.GetDirectoryName(_full)!;
            var name = Path.GetFileName(_full);
            var previous = Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}");
            try
            {
                _spare?.RemoveStale(keep: beforeSwap is null ? null : beforeSwapFolder);
                if (beforeSwap is not null && !beforeSwap(_staging))
                {
                    return false;
                }

                File.WriteAllText(Path.Combine(_staging, MarkerFile), "This folder was written by Timeline and is replaced on every build.\n");
                if (Directory.Exists(_full))
                {
                    Directory.Move(_full, previous);
                }

                Directory.Move(_staging, _full);
                _committed = true;
                KeepAsSpare(previous, SpareOutput.FolderFor(parent, name));
                return true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (!Directory.Exists(_full) && Directory.Exists(previous))
                {
                    Directory.Move(previous, _full);
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
            if (!Directory.Exists(previous))
            {
                return;
            }

            try
            {
                if (!Directory.Exists(spare))
                {
                    Directory.Move(previous, spare);
                    return;
                }
            }
            catch (IOException)
            {
            }

            Directory.Delete(previous, recursive: true);
        }

        // Each folder is made once; a thread that needs it while another makes it waits for it.
        private void MakeFolderOf(string target) =>
            _ = _folders.GetOrAdd(Path.GetDirectoryName(target)!, f => new Lazy<bool>(() =>
            {
                _spare?.Use(f);
                return Directory.CreateDirectory(f).Exists;
            })).Value;

        private void Fail(Exception ex)
        {
            if (Interlocked.Exchange(ref _failed, 1) == 0)
            {
                _diagnostics.Error(_shown, SourcePosition.File, ErrorMessages.OutputFailed(_shown, ex.Message));
            }
        }
    }

    /// <summary>The file's place in the staging folder; a path that would leave it is a bug, never written.</summary>
    private static string Target(string staging, string relative)
    {
        var target = Path.GetFullPath(Path.Combine(staging, relative));
        if (!target.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
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
        var old = Directory.EnumerateDirectories(parent, $".{name}.old-*").Order(StringComparer.Ordinal).ToList();
        if (!Directory.Exists(full) && old.Count > 0)
        {
            Directory.Move(old[0], full);
            old.RemoveAt(0);
        }

        foreach (var folder in Directory.EnumerateDirectories(parent, $".{name}.tmp-*").Concat(old))
        {
            TryDelete(folder);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static bool IsInside(string folder, string path) =>
        path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}

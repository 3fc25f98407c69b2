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
        var full = Normalize(output);
        var parent = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        var staging = Path.Combine(parent, $".{name}.tmp-{Guid.NewGuid():N}");
        var previous = Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            RecoverLeftovers(parent, name, full);
            Directory.CreateDirectory(staging);
            var folders = files.Select(f => Path.GetDirectoryName(Target(staging, f.Path))!).Distinct(StringComparer.Ordinal);
            foreach (var folder in folders)
            {
                Directory.CreateDirectory(folder);
            }

            Parallel.ForEach(files, file => File.WriteAllBytes(Target(staging, file.Path), file.Content));
            if (beforeSwap is not null && !beforeSwap(staging))
            {
                TryDelete(staging);
                return;
            }

            File.WriteAllText(Path.Combine(staging, MarkerFile), "This folder was written by Timeline and is replaced on every build.\n");

            if (Directory.Exists(full))
            {
                Directory.Move(full, previous);
            }

            Directory.Move(staging, full);
            if (Directory.Exists(previous))
            {
                Directory.Delete(previous, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (!Directory.Exists(full) && Directory.Exists(previous))
            {
                Directory.Move(previous, full);
            }

            TryDelete(staging);
            diagnostics.Error(shownOutput, SourcePosition.File, ErrorMessages.OutputFailed(shownOutput, ex.Message));
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

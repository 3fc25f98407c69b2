using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Timeline.Input;

/// <summary>
/// When each file of the input folder was first and last committed, from one `git log` over the whole folder (never
/// one process per file: 10,000 events would be 10,000 processes). Dates are the committer's, in UTC, to the day: the
/// records' own dates are days, and the day is what a page, a citation and a feed say. Renames are followed, so a
/// file keeps the date it was first published under its old name. Only commits count: an edit not yet committed
/// leaves the last commit's date, so every build of the same commit gives the same dates (and the same bytes).
/// Without git, outside a work tree, or in a shallow clone (whose oldest commits are cut off, so every file would
/// seem first published at the cut), there is no history and <see cref="None"/> is returned, silently: a build
/// without the dates is a good build, and a warning would fail builds that allow none, such as CI's.
/// </summary>
public sealed class EntryHistory
{
    public static readonly EntryHistory None = new(new Dictionary<string, (DateOnly, DateOnly)>(StringComparer.Ordinal));

    // Marks the start of a commit in git's output; file names cannot hold it.
    private const char CommitMark = '\u0001';

    private readonly IReadOnlyDictionary<string, (DateOnly First, DateOnly Last)> _files;

    private EntryHistory(IReadOnlyDictionary<string, (DateOnly First, DateOnly Last)> files) => _files = files;

    /// <summary>How many files have a history.</summary>
    public int Count => _files.Count;

    /// <summary>The days a file (a full path inside the folder read) was first and last committed; null when never.</summary>
    public (DateOnly First, DateOnly Last)? For(string root, string fullPath)
    {
        var relative = Path.GetRelativePath(root, fullPath).Replace(Path.DirectorySeparatorChar, '/');
        return _files.TryGetValue(relative, out var days) ? days : null;
    }

    /// <summary>Reads the history of every file under <paramref name="folder"/>; <see cref="None"/> when git cannot give a whole one.</summary>
    public static EntryHistory Read(string folder)
    {
        var info = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };

        // %x01 starts a commit; %ct is the committer's time; %D names "grafted" at a shallow clone's cut.
        // --relative gives paths from the folder; -M with --name-status shows renames as "R<score> old new".
        foreach (var arg in new[] { "-c", "core.quotepath=off", "log", "--format=%x01%ct %D", "--name-status", "-M", "--relative", "--no-color", "--", "." })
        {
            info.ArgumentList.Add(arg);
        }

        // Whatever the caller's environment says about repositories, the folder's own is the one read.
        info.Environment.Remove("GIT_DIR");
        info.Environment.Remove("GIT_WORK_TREE");
        try
        {
            using var git = Process.Start(info);
            if (git is null)
            {
                return None;
            }

            var errors = git.StandardError.ReadToEndAsync();
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            _ = errors.Result;
            return git.ExitCode == 0 ? Parse(output) ?? None : None;
        }
        catch (Exception ex) when (ex is Win32Exception or IOException or InvalidOperationException)
        {
            // No git on this machine.
            return None;
        }
    }

    /// <summary>The history in git's output, newest commit first; null when the clone is shallow.</summary>
    internal static EntryHistory? Parse(string output)
    {
        var files = new Dictionary<string, (DateOnly First, DateOnly Last)>(StringComparer.Ordinal);
        // An old name seen in a rename, and the name the file has now.
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        DateOnly day = default;
        foreach (var line in output.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == CommitMark)
            {
                var space = line.IndexOf(' ');
                var decorations = space < 0 ? "" : line[(space + 1)..];
                if (decorations.Split(", ").Contains("grafted"))
                {
                    return null;
                }

                var seconds = long.Parse(space < 0 ? line[1..] : line[1..space], CultureInfo.InvariantCulture);
                day = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime);
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < 2)
            {
                continue;
            }

            // The newest name of the file this line is about: later renames come first in git's output.
            var path = fields[^1];
            var current = renamed.GetValueOrDefault(path, path);
            files[current] = files.TryGetValue(current, out var known) ? (day < known.First ? day : known.First, known.Last) : (day, day);
            if (fields[0].StartsWith('R') && fields.Length == 3)
            {
                renamed[fields[1]] = current;
            }
        }

        return new EntryHistory(files);
    }
}

using System.Text;
using Timeline.Diagnostics;
using Timeline.Pipeline;

namespace Timeline.Tests.Support;

/// <summary>
/// A small site built in a temporary folder, in the shape of Hugo's integration tests: write the files,
/// build, then assert on fragments of the output.
/// </summary>
public sealed class TestSite : IDisposable
{
    private TestSite(string folder, BuildResult result, string output)
    {
        Folder = folder;
        Result = result;
        Output = output;
    }

    public string Folder { get; }

    public string Output { get; }

    public BuildResult Result { get; }

    public IEnumerable<string> Errors => Result.Diagnostics.Select(d => d.ToString());

    /// <summary>Copies a fixture site from Sites/ and builds it with the repository's theme unless it has its own.</summary>
    public static TestSite Build(string fixture, string? baseUrl = null, string? toolsFolder = null)
    {
        var folder = NewFolder();
        CopyFolder(Path.Combine(Repository.Sites, fixture), folder);
        return BuildIn(folder, baseUrl, toolsFolder);
    }

    /// <summary>Writes the given files (path to text) into a new site folder and builds it.</summary>
    public static TestSite FromFiles(IReadOnlyDictionary<string, string> files, string? baseUrl = null)
    {
        var folder = NewFolder();
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text, new UTF8Encoding(false));
        }

        return BuildIn(folder, baseUrl);
    }

    /// <summary>Builds a valid fixture (valid/basic unless named) with one template of the theme replaced (or added), such as "event.liquid".</summary>
    public static TestSite BuildWithTemplate(string name, string text, string fixture = "basic")
    {
        var folder = NewFolder();
        CopyFolder(Path.Combine(Repository.Sites, "valid", fixture), folder);
        var template = Path.Combine(folder, "theme", "templates", name);
        Directory.CreateDirectory(Path.GetDirectoryName(template)!);
        File.WriteAllText(template, text, new UTF8Encoding(false));
        return BuildIn(folder);
    }

    /// <summary>Builds the site in the folder; the npm tools (Pagefind) come from the repository unless toolsFolder is given.</summary>
    public static TestSite BuildIn(string folder, string? baseUrl = null, string? toolsFolder = null)
    {
        var theme = ThemeOf(folder);
        var output = Path.Combine(folder, "output");
        var result = TimelineBuilder.Build(new BuildOptions(Path.Combine(folder, "input"), theme, output, baseUrl, folder) { ToolsFolder = toolsFolder ?? Repository.Root });
        return new TestSite(folder, result, output);
    }

    /// <summary>
    /// The theme a site folder is built with: the repository's, or the folder's own theme/, which holds only the files
    /// it changes and is completed here from the repository's.
    /// </summary>
    public static string ThemeOf(string folder)
    {
        var theme = Path.Combine(folder, "theme");
        if (!Directory.Exists(theme))
        {
            return Repository.Theme;
        }

        foreach (var file in Directory.EnumerateFiles(Repository.Theme, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(theme, Path.GetRelativePath(Repository.Theme, file));
            if (!File.Exists(target))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        return theme;
    }

    public static string NewFolder()
    {
        var folder = Path.Combine(RunFolder.Value, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// This test run's folder of temporary sites, /tmp/timeline-tests/run-PID. The next run removes the folders of runs
    /// that have ended (a full run writes gigabytes of sites and share images); the test host is often stopped without
    /// its exit handlers, so removing our own at exit is only a first try.
    /// </summary>
    private static readonly Lazy<string> RunFolder = new(() =>
    {
        var root = Path.Combine(Path.GetTempPath(), "timeline-tests");
        Directory.CreateDirectory(root);
        foreach (var old in Directory.EnumerateDirectories(root))
        {
            var name = Path.GetFileName(old);
            var stale = name.StartsWith("run-", StringComparison.Ordinal) && int.TryParse(name[4..], System.Globalization.CultureInfo.InvariantCulture, out var pid)
                ? !IsRunning(pid)
                : Directory.GetLastWriteTimeUtc(old) < DateTime.UtcNow.AddHours(-6);
            if (stale)
            {
                TryDelete(old);
            }
        }

        var folder = Path.Combine(root, $"run-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(folder);
        return folder;
    });

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // Best effort: a test may have left a folder it could not restore (made unreadable, say); the rest goes.
    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Read(string path) => File.ReadAllText(Path.Combine(Output, path));

    public bool Exists(string path) => File.Exists(Path.Combine(Output, path));

    public void AssertSucceeded()
    {
        Assert.True(Result.Succeeded, "The build failed:\n" + string.Join('\n', Errors));
        Assert.Equal(0, Result.WarningCount);
    }

    public void AssertFileContains(string path, string fragment)
    {
        Assert.True(Exists(path), $"{path} was not written.");
        var text = Read(path);
        Assert.True(text.Contains(fragment, StringComparison.Ordinal), $"{path} does not contain:\n{fragment}\n\nIt holds:\n{text}");
    }

    public void AssertFileDoesNotContain(string path, string fragment)
    {
        var text = Read(path);
        Assert.False(text.Contains(fragment, StringComparison.Ordinal), $"{path} contains, but must not:\n{fragment}");
    }

    public Diagnostic SingleError()
    {
        var errors = Result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.True(errors.Count == 1, "Expected one error, got:\n" + string.Join('\n', errors));
        return errors[0];
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

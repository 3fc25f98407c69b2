using System.Text;
using Timeline.Pipeline;

namespace Timeline.Tests.Support;

/// <summary>
/// A site kept in memory by a <see cref="SiteSession"/>, as `timeline serve` keeps it, edited and rebuilt in the shape
/// of Hugo's integration tests: <c>site.Edit("input/site.yml", text).Rebuild()</c>. Paths are relative to the site's
/// folder; each edit notes its path, and the next rebuild is told exactly those paths, as the file watcher tells serve.
/// </summary>
public sealed class ServedSite
{
    private readonly List<string> _changed = [];
    private bool _built;

    private ServedSite(string folder, string theme)
    {
        Folder = folder;
        Options = new BuildOptions(Path.Combine(folder, "input"), theme, Path.Combine(folder, "output"), null, folder) { ToolsFolder = Repository.Root };
        Session = new SiteSession(Options);
    }

    public string Folder { get; }

    public BuildOptions Options { get; }

    public SiteSession Session { get; }

    /// <summary>The site served now: the last one built without errors.</summary>
    public SiteSnapshot Current => Session.Current ?? throw new InvalidOperationException("No site has been built without errors.");

    /// <summary>Copies a fixture site from Sites/ (valid/basic unless named) and builds it in memory, which must succeed.</summary>
    public static ServedSite Start(string fixture = "valid/basic")
    {
        var site = Copy(fixture);
        var first = site.Rebuild();
        Assert.True(first.Succeeded, string.Join('\n', first.Diagnostics));
        return site;
    }

    /// <summary>Copies a fixture site into a new folder, with the repository's theme unless it has its own, and builds nothing yet.</summary>
    public static ServedSite Copy(string fixture)
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, fixture), folder);
        return new ServedSite(folder, TestSite.ThemeOf(folder));
    }

    /// <summary>The full path of a file of the site, such as "input/site.yml".</summary>
    public string FullPath(string relative) => Path.Combine(Folder, relative);

    public string Read(string relative) => File.ReadAllText(FullPath(relative));

    /// <summary>Writes a file (making its folder), to be told to the next rebuild.</summary>
    public ServedSite Edit(string relative, string text)
    {
        var path = FullPath(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        _changed.Add(path);
        return this;
    }

    /// <summary>Replaces text in a file, which must hold it.</summary>
    public ServedSite Replace(string relative, string old, string replacement)
    {
        var text = Read(relative);
        Assert.Contains(old, text, StringComparison.Ordinal);
        return Edit(relative, text.Replace(old, replacement, StringComparison.Ordinal));
    }

    public ServedSite Append(string relative, string text) => Edit(relative, Read(relative) + text);

    public ServedSite Delete(string relative)
    {
        File.Delete(FullPath(relative));
        _changed.Add(FullPath(relative));
        return this;
    }

    /// <summary>
    /// Rebuilds with the paths edited since the last rebuild, or with the given paths instead (a folder, when a file
    /// was made in a new one, as a watcher reports it); the first rebuild reads everything.
    /// </summary>
    public BuildResult Rebuild(params string[] changed)
    {
        List<string>? paths = !_built ? null : changed.Length > 0 ? [.. changed.Select(FullPath)] : [.. _changed];
        _changed.Clear();
        _built = true;
        return Session.Rebuild(paths);
    }

    /// <summary>Rebuilds as <see cref="Rebuild"/> does; the rebuild must succeed.</summary>
    public ServedSite Rebuilt(params string[] changed)
    {
        var result = Rebuild(changed);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return this;
    }

    /// <summary>A served file as text; null when the site has none at that path.</summary>
    public string? Page(string path) => Current.File(path) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>Every file served equals the one `timeline build` writes for the same input, and every built page is served.</summary>
    public void AssertSameAsBuild()
    {
        var output = Options.OutputFolder;
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var built = TimelineBuilder.Build(Options);
        Assert.True(built.Succeeded, string.Join('\n', built.Diagnostics));
        var snapshot = Current;
        // Serve builds no search index (Pagefind runs over a written site), so its search page says search is unavailable.
        foreach (var path in snapshot.Paths.Where(p => !p.EndsWith("search/index.html", StringComparison.Ordinal)))
        {
            Assert.True(File.Exists(Path.Combine(output, path)), $"{path} is served but not built.");
            Assert.True(File.ReadAllBytes(Path.Combine(output, path)).SequenceEqual(snapshot.File(path)!), $"{path} differs from the built file.");
        }

        foreach (var page in Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories))
        {
            Assert.Contains(Path.GetRelativePath(output, page).Replace('\\', '/'), snapshot.Paths);
        }
    }
}

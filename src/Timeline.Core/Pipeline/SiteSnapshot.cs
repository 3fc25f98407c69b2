using System.Text;
using Timeline.Diagnostics;
using Timeline.Model;
using Timeline.PostProcess;
using Timeline.PostProcess.Feeds;
using Timeline.Theme;

namespace Timeline.Pipeline;

/// <summary>
/// One good build of the site, held in memory: the path of every file it has, each page rendered when first
/// asked for and then kept. The bytes are those `timeline build` writes for the same input.
/// </summary>
public sealed class SiteSnapshot
{
    private readonly Dictionary<string, Lazy<byte[]>> _files = new(StringComparer.Ordinal);
    private readonly ThemeTemplates _theme;
    private readonly DiagnosticBag _renderDiagnostics;

    internal SiteSnapshot(
        int version,
        ResolvedSite site,
        IReadOnlyList<PageJob> pages,
        IReadOnlyList<OutputFile> assets,
        ThemeTemplates theme,
        DiagnosticBag renderDiagnostics)
    {
        Version = version;
        Site = site;
        _theme = theme;
        _renderDiagnostics = renderDiagnostics;
        foreach (var asset in assets)
        {
            _files[asset.Path] = new Lazy<byte[]>(asset.Content);
        }

        foreach (var page in pages)
        {
            _files[page.Path] = new Lazy<byte[]>(() => Encoding.UTF8.GetBytes(page.Render()), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        // The feed, the sitemap and robots.txt, which a build adds after its pages: every page links to the feed.
        var listed = pages.Select(p => new OutputFile(p.Path, [])).ToList();
        foreach (var language in site.Site.Languages)
        {
            _files[SiteRenderer.FeedPath(site, language)] = new Lazy<byte[]>(() => SiteRenderer.Feed(site, language, renderDiagnostics)?.Content ?? [], LazyThreadSafetyMode.ExecutionAndPublication);
        }

        _files[Sitemap.FilePath] = new Lazy<byte[]>(() => Sitemap.Build(site.Site, listed).Content, LazyThreadSafetyMode.ExecutionAndPublication);
        _files[RobotsTxt.FilePath] = new Lazy<byte[]>(() => RobotsTxt.Build(site.Site).Content, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Counts the good builds of a session: 1 for the first.</summary>
    public int Version { get; }

    public ResolvedSite Site { get; }

    /// <summary>The path the site lives under, such as "/" or "/memorial/".</summary>
    public string BasePath => Site.Site.BasePath;

    /// <summary>Every file's path inside the site, with '/', as in the output folder.</summary>
    public IReadOnlyCollection<string> Paths => _files.Keys;

    /// <summary>Template errors met while rendering pages so far.</summary>
    public IReadOnlyList<Diagnostic> RenderDiagnostics => _renderDiagnostics.Sorted();

    /// <summary>The bytes of the file at a path such as "events/x/index.html", rendering it if needed; null when there is none.</summary>
    public byte[]? File(string path) => _files.TryGetValue(path, out var file) ? file.Value : null;

    /// <summary>Renders every page not yet rendered and checks every link, as a build does; returns what it found.</summary>
    public IReadOnlyList<Diagnostic> Check(CancellationToken cancel)
    {
        var paths = _files.Keys.Order(StringComparer.Ordinal).ToList();
        var files = new OutputFile[paths.Count];
        Parallel.For(0, paths.Count, new ParallelOptions { CancellationToken = cancel }, i => files[i] = new OutputFile(paths[i], _files[paths[i]].Value));
        var diagnostics = new DiagnosticBag();
        foreach (var diagnostic in _renderDiagnostics.Sorted())
        {
            diagnostics.Add(diagnostic);
        }

        if (!diagnostics.HasErrors)
        {
            LinkChecker.Check(files, BasePath, _theme.Files, diagnostics);
        }

        return diagnostics.Sorted();
    }
}

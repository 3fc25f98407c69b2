using System.Collections.Concurrent;
using Timeline.Checks;
using Timeline.Diagnostics;
using Timeline.Model;
using Timeline.Publishing.Feeds;
using Timeline.Rendering;
using Timeline.Theme;

namespace Timeline.Pipeline;

/// <summary>
/// One good build of the site, held in memory: the path of every file it has, each page rendered when first
/// asked for and then kept. The bytes are those `timeline build` writes for the same input.
/// </summary>
public sealed class SiteSnapshot
{
    // The feeds, the sitemap and robots.txt, which a build adds after its pages (and which win over a page of the same path).
    private readonly Dictionary<string, Lazy<byte[]>> _files = new(StringComparer.Ordinal);
    private readonly PageTable _pages;
    // Pages as they are asked for, rendered once; the table finds them by path, so nothing is listed up front.
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _rendered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _assets = new(StringComparer.Ordinal);
    private readonly Lazy<HashSet<string>> _paths;
    private readonly ThemeTemplates _theme;
    private readonly DiagnosticBag _renderDiagnostics;

    internal SiteSnapshot(
        int version,
        ResolvedSite site,
        PageTable pages,
        IReadOnlyList<OutputFile> assets,
        ThemeTemplates theme,
        DiagnosticBag renderDiagnostics)
    {
        Version = version;
        Site = site;
        _pages = pages;
        _theme = theme;
        _renderDiagnostics = renderDiagnostics;
        foreach (var asset in assets)
        {
            _assets[asset.Path] = asset.Content;
        }

        // Every page links to its language's feed.
        foreach (var language in site.Site.Languages)
        {
            _files[SiteRenderer.FeedPath(site, language)] = new Lazy<byte[]>(() => SiteRenderer.Feed(site, language, renderDiagnostics)?.Content ?? [], LazyThreadSafetyMode.ExecutionAndPublication);
        }

        _files[Sitemap.FilePath] = new Lazy<byte[]>(() => Sitemap.Build(site.Site, pages.All().Select(p => new OutputFile(p.Path, []))).Content, LazyThreadSafetyMode.ExecutionAndPublication);
        _files[RobotsTxt.FilePath] = new Lazy<byte[]>(() => RobotsTxt.Build(site.Site).Content, LazyThreadSafetyMode.ExecutionAndPublication);
        _paths = new Lazy<HashSet<string>>(() => [.. _assets.Keys, .. pages.All().Select(p => p.Path), .. _files.Keys], LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Counts the good builds of a session: 1 for the first.</summary>
    public int Version { get; }

    public ResolvedSite Site { get; }

    /// <summary>The path the site lives under, such as "/" or "/memorial/".</summary>
    public string BasePath => Site.Site.BasePath;

    /// <summary>Every file's path inside the site, with '/', as in the output folder; listed when first asked for.</summary>
    public IReadOnlyCollection<string> Paths => _paths.Value;

    /// <summary>Template errors met while rendering pages so far.</summary>
    public IReadOnlyList<Diagnostic> RenderDiagnostics => _renderDiagnostics.Sorted();

    /// <summary>The bytes of the file at a path such as "events/x/index.html", rendering it if needed; null when there is none.</summary>
    public byte[]? File(string path)
    {
        if (_files.TryGetValue(path, out var file))
        {
            return file.Value;
        }

        if (!_rendered.TryGetValue(path, out var page))
        {
            // Only pages that exist are kept: a browser asking for missing addresses must not fill the table.
            if (_pages.Find(path) is not { } job)
            {
                return _assets.GetValueOrDefault(path);
            }

            page = _rendered.GetOrAdd(path, _ => Render(job));
        }

        return page.Value;
    }

    private static Lazy<byte[]> Render(PageJob job) =>
        new(job.ToBytes, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Renders every page not yet rendered and checks every link, as a build does; returns what it found.</summary>
    public IReadOnlyList<Diagnostic> Check(CancellationToken cancel)
    {
        var paths = Paths.Order(StringComparer.Ordinal).ToList();
        var files = new OutputFile[paths.Count];
        // One core is left to the next rebuild, which comes while this runs when the author saves again: sharing every
        // core with the check made serve's rebuilds at 10,000 events take twice as long.
        var cores = new ParallelOptions { CancellationToken = cancel, MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1) };
        Parallel.For(0, paths.Count, cores, i => files[i] = new OutputFile(paths[i], File(paths[i])!));
        var diagnostics = new DiagnosticBag();
        foreach (var diagnostic in _renderDiagnostics.Sorted())
        {
            diagnostics.Add(diagnostic);
        }

        if (!diagnostics.HasErrors)
        {
            LinkChecker.Check(files, BasePath, _theme.Files, Site.InternalLinks(), diagnostics, cores);
        }

        return diagnostics.Sorted();
    }
}

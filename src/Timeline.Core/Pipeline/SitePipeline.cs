using System.Diagnostics;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Loading;
using Timeline.Model;
using Timeline.Resolving;

namespace Timeline.Pipeline;

/// <summary>
/// The one road from the input folder to a site, with its phases written once, here: Input (read the files and the
/// theme), Process (parse, validate, resolve), then PostProcess and Output, which the sink does (write to disk, or keep
/// in memory). A build is the first rebuild of a pipeline whose sink writes the output folder; `serve` rebuilds the
/// same pipeline after each change, reading only what changed (see <see cref="LoadedInput"/>) and resolving only
/// what a change can reach (see <see cref="ResolveCache"/>). Any error stops a rebuild before its sink publishes.
/// </summary>
internal sealed class SitePipeline
{
    private readonly BuildOptions _options;
    private readonly PathDisplay _display;
    private readonly InputLayout _layout;
    private readonly LoadedInput _input;
    private readonly string _themeFolder;
    private readonly ISiteSink _sink;
    // Only a pipeline that rebuilds keeps what it resolved: a build resolves once.
    private readonly ResolveCache? _resolved;
    // A build that writes keeps the Markdown it rendered in the cache folder, for the next build.
    private readonly string? _renderedFolder;
    private SiteTheme? _theme;
    private int _documentsReused;
    // This rebuild's cache of rendered texts, when the build writes one.
    private RenderedDocumentCache? _rendered;

    /// <param name="incremental">Whether the pipeline will be rebuilt after changes (`serve`): it then keeps what it read and resolved.</param>
    /// <param name="cacheParses">
    /// Whether event files are parsed, and their Markdown rendered, through the cache folder (see <see cref="ParsedEventCache"/>
    /// and <see cref="RenderedDocumentCache"/>): a build that writes does.
    /// </param>
    public SitePipeline(BuildOptions options, ISiteSink sink, bool incremental, bool cacheParses = false)
    {
        _options = options;
        _sink = sink;
        _display = new PathDisplay(options.DisplayRoot);
        _layout = new InputLayout(options.InputFolder);
        _themeFolder = Path.GetFullPath(options.ThemeFolder);
        _input = new LoadedInput(_layout, _display, options.BaseUrl, keepTexts: incremental, cacheParses ? ParsedEventCache.Open(options.CacheFolder) : null);
        _resolved = incremental ? new ResolveCache() : null;
        _renderedFolder = cacheParses ? options.CacheFolder : null;
    }

    /// <summary>The full paths of the folders a change in which calls for a rebuild.</summary>
    public IReadOnlyList<string> WatchedFolders => [_layout.Root, _themeFolder];

    /// <summary>
    /// Brings the site up to date with the given changed paths (files or folders, created, changed or deleted), or
    /// reads everything when <paramref name="changed"/> is null, and hands a site without errors to the sink.
    /// </summary>
    public BuildResult Rebuild(IReadOnlyCollection<string>? changed = null)
    {
        var clock = Stopwatch.StartNew();
        var timings = new PhaseTimings();
        var diagnostics = new DiagnosticBag();
        _documentsReused = 0;

        // Before anything is read: a build that would touch a folder it did not make stops here, having touched nothing.
        if (!_sink.Open(_display, diagnostics))
        {
            return Done(diagnostics, null, clock, timings);
        }

        // The rendered texts' record is read while the input is (see KeyedRecord.Open).
        _rendered = _renderedFolder is null ? null : RenderedDocumentCache.Open(_renderedFolder);

        // Input
        _options.Progress?.Report("Reading the input");
        Read(changed, timings);

        // Process
        _options.Progress?.Report($"Checking {_input.EventFiles} events");
        var content = _input.Assemble(diagnostics);
        foreach (var diagnostic in _theme!.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        if (content is not null && !diagnostics.HasErrors)
        {
            // Each language of site.yml needs the theme's words in it (theme/i18n/<language>.yml); a language
            // site.yml got wrong is reported there, not again here.
            _theme.Templates?.Strings.CheckLanguages(content.Site.Languages, diagnostics);
        }

        timings.Mark("load");
        if (content is null || diagnostics.HasErrors)
        {
            return Done(diagnostics, null, clock, timings);
        }

        var site = ReferenceResolver.Resolve(content, diagnostics, _resolved, _rendered);
        if (_resolved is null)
        {
            // A build renders each text once: its records' Markdown is let go of once rendered (about 330 MB of the
            // peak at 100,000 events). `serve` keeps what it read, to read and resolve again only what changes.
            _input.Forget();
            site = site.WithoutMarkdown();
        }

        _rendered?.Save();
        _documentsReused = _rendered?.Reused ?? 0;
        timings.Mark("resolve");
        if (diagnostics.HasErrors || !_theme.IsComplete)
        {
            return Done(diagnostics, site, clock, timings);
        }

        // PostProcess and Output
        var published = _sink.Publish(site, _theme, diagnostics, timings);
        return Done(diagnostics, site, clock, timings, published);
    }

    /// <summary>Reads everything, or only the changed paths: a file again, a folder's files again, the theme again.</summary>
    private void Read(IReadOnlyCollection<string>? changed, PhaseTimings timings)
    {
        if (changed is null || _theme is null)
        {
            // The theme does not depend on the input: it loads (templates parsed, fonts read) while the records are
            // read, which at 1,000 events is most of its time off the build's wall clock. "theme" is then the wait for it.
            var theme = Task.Run(() => SiteTheme.Load(_options, _display));
            _input.ReadAll();
            timings.Mark("read");
            _theme = theme.GetAwaiter().GetResult();
            timings.Mark("theme");
            return;
        }

        var themeChanged = false;
        foreach (var path in changed.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            if (Inside(path, _themeFolder))
            {
                themeChanged = true;
            }
            else if (Inside(path, _layout.Root))
            {
                _input.Update(path);
            }
        }

        timings.Mark("read");
        if (themeChanged)
        {
            _theme = SiteTheme.Load(_options, _display);
            timings.Mark("theme");
        }
    }

    private static bool Inside(string path, string folder) =>
        path == folder || path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private BuildResult Done(DiagnosticBag diagnostics, ResolvedSite? site, Stopwatch clock, PhaseTimings timings, Published? published = null)
    {
        // The caches' records were written while the build went on: a rebuild ends with them in place.
        _input.FlushCaches();
        _rendered?.Flush();
        return new(diagnostics.Sorted(), site, published?.FilesWritten ?? 0, clock.Elapsed)
        {
            Timings = timings.Phases,
            ParsesReused = _input.ParsesReused,
            EventFilesUnread = _input.FilesUnread,
            DocumentsReused = _documentsReused,
            ShareImagesDrawn = published?.ShareImagesDrawn ?? 0,
            ShareImagesReused = published?.ShareImagesReused ?? 0,
            PagesReused = published?.PagesReused ?? 0,
            PartsReused = published?.PartsReused ?? 0,
            SearchShardsIndexed = published?.SearchShardsIndexed ?? 0,
            SearchShardsReused = published?.SearchShardsReused ?? 0,
        };
    }
}

using System.Diagnostics;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Output;
using Timeline.Output.Search;
using Timeline.PostProcess;
using Timeline.PostProcess.Feeds;
using Timeline.PostProcess.ShareImages;
using Timeline.Process;
using Timeline.Theme;

namespace Timeline.Pipeline;

/// <summary>
/// Runs the four phases: Input (read files), Process (parse, validate, resolve, render Markdown),
/// PostProcess (templates, link check) and Output (atomic write). Any error stops the build before Output.
/// </summary>
public static class TimelineBuilder
{
    public static BuildResult Build(BuildOptions options) => Run(options, write: true);

    /// <summary>Everything a build does except writing: for `timeline check`.</summary>
    public static BuildResult Check(BuildOptions options) => Run(options, write: false);

    private static BuildResult Run(BuildOptions options, bool write)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var display = new PathDisplay(options.DisplayRoot);

        if (write && OutputWriter.Refusal(options.OutputFolder, options.InputFolder, options.ThemeFolder) is { } refusal)
        {
            var shown = display.Show(options.OutputFolder);
            diagnostics.Error(shown, SourcePosition.File, ErrorMessages.UnsafeOutput(shown, refusal));
            return Done(diagnostics, null, 0, clock);
        }

        // Input
        options.Progress?.Report("Reading the input");
        var input = new InputReader(display, diagnostics).Read(options.InputFolder);
        var theme = ThemeTemplates.Load(options.ThemeFolder, display, diagnostics);
        var design = Directory.Exists(options.ThemeFolder) ? ShareImageDesignLoader.Load(options.ThemeFolder, BuildTools.Locate(options), display, diagnostics) : null;

        // Process
        options.Progress?.Report($"Checking {input.Events.Count} events");
        var content = ContentLoader.Load(input, diagnostics, options.BaseUrl);
        if (content is null || diagnostics.HasErrors)
        {
            return Done(diagnostics, null, 0, clock);
        }

        var site = ReferenceResolver.Resolve(content, diagnostics);
        if (diagnostics.HasErrors || theme is null || design is null)
        {
            return Done(diagnostics, site, 0, clock);
        }

        // Search is built only when Pagefind is installed: without it the site is still complete, and its search page says
        // search is unavailable. A warning, not an error, so that a site can be built where npm cannot run.
        var search = PagefindIndexer.Locate(BuildTools.Locate(options), options.ToolsFolder ?? Directory.GetCurrentDirectory(), out var pagefind);
        if (search is null)
        {
            diagnostics.Warning(display.Show(pagefind), SourcePosition.File, ErrorMessages.SearchToolMissing());
        }

        // PostProcess
        options.Progress?.Report($"Rendering {site.Events.Count} events");
        var pages = new SiteRenderer(theme, diagnostics).Render(site, searchIndexed: search is not null);
        var feeds = new[] { AtomFeed.Build(site, diagnostics), Sitemap.Build(site.Site, pages), RobotsTxt.Build(site.Site) };
        var files = pages.Concat(feeds.OfType<OutputFile>()).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        if (!diagnostics.HasErrors)
        {
            options.Progress?.Report($"Checking the links of {files.Count} files");
            LinkChecker.Check(files, site.Site.BasePath, theme.Files, diagnostics);
        }

        if (diagnostics.HasErrors)
        {
            return Done(diagnostics, site, 0, clock);
        }

        var (images, counts) = ShareImageBuilder.Build(site, design, options.CacheFolder);
        if (!write)
        {
            return Done(diagnostics, site, 0, clock, counts);
        }

        // Output
        files = files.Concat(images).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        options.Progress?.Report($"Writing {files.Count} files");
        OutputWriter.Write(files, options.OutputFolder, diagnostics, display.Show(options.OutputFolder), staged =>
            search is null || search.Index(staged, diagnostics, display.Show(search.Executable)));
        return Done(diagnostics, site, diagnostics.HasErrors ? 0 : files.Count, clock, counts);
    }

    private static BuildResult Done(DiagnosticBag diagnostics, Model.ResolvedSite? site, int files, Stopwatch clock, ShareImageCounts? images = null) =>
        new(diagnostics.Sorted(), site, files, clock.Elapsed) { ShareImagesDrawn = images?.Drawn ?? 0, ShareImagesReused = images?.Reused ?? 0 };
}

using System.Diagnostics;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Output;
using Timeline.PostProcess;
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
        var input = new InputReader(display, diagnostics).Read(options.InputFolder);
        var theme = ThemeTemplates.Load(options.ThemeFolder, display, diagnostics);
        var design = Directory.Exists(options.ThemeFolder) ? ShareImageDesignLoader.Load(options.ThemeFolder, BuildTools.Locate(options), display, diagnostics) : null;

        // Process
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

        // PostProcess
        var pages = new SiteRenderer(theme, diagnostics).Render(site);
        if (!diagnostics.HasErrors)
        {
            LinkChecker.Check(pages, site.Site.BasePath, theme.Files, diagnostics);
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
        var files = pages.Concat(images).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        OutputWriter.Write(files, options.OutputFolder, diagnostics, display.Show(options.OutputFolder));
        return Done(diagnostics, site, diagnostics.HasErrors ? 0 : files.Count, clock, counts);
    }

    private static BuildResult Done(DiagnosticBag diagnostics, Model.ResolvedSite? site, int files, Stopwatch clock, ShareImageCounts? images = null) =>
        new(diagnostics.Sorted(), site, files, clock.Elapsed) { ShareImagesDrawn = images?.Drawn ?? 0, ShareImagesReused = images?.Reused ?? 0 };
}

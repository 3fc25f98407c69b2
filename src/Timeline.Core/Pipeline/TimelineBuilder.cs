using System.Collections.Concurrent;
using System.Diagnostics;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Output;
using Timeline.PostProcess;
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
        var timings = new PhaseTimings();
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
        timings.Mark("read");
        var theme = ThemeTemplates.Load(options.ThemeFolder, display, diagnostics);
        timings.Mark("theme");

        // Process
        var content = ContentLoader.Load(input, diagnostics, options.BaseUrl);
        timings.Mark("load");
        if (content is null || diagnostics.HasErrors)
        {
            return Done(diagnostics, null, 0, clock);
        }

        var site = ReferenceResolver.Resolve(content, diagnostics);
        timings.Mark("resolve");
        if (diagnostics.HasErrors || theme is null)
        {
            return Done(diagnostics, site, 0, clock);
        }

        // PostProcess, streamed into Output: each page goes into the staging folder as soon as it is rendered, with
        // its links noted for the check, so the site is never held in memory whole. Staging is swapped in only
        // when nothing failed; otherwise it is removed and the previous output stays as it was.
        using var staged = write ? OutputWriter.Stage(options.OutputFolder, diagnostics, display.Show(options.OutputFolder)) : null;
        if (write && staged is null)
        {
            return Done(diagnostics, site, 0, clock);
        }

        var paths = new ConcurrentBag<string>();
        var pages = new ConcurrentBag<LinkChecker.PageLinks>();
        var links = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        void Keep(OutputFile file)
        {
            paths.Add(file.Path);
            if (LinkChecker.Scan(file, links) is { } page)
            {
                pages.Add(page);
            }

            staged?.Add(file);
        }

        var files = new SiteRenderer(theme, diagnostics).Render(site, Keep);
        Parallel.ForEach(files, Keep);
        timings.Mark("render");
        if (!diagnostics.HasErrors)
        {
            LinkChecker.Check(paths, pages.ToList(), site.Site.BasePath, theme.Files, diagnostics);
            timings.Mark("links");
        }

        if (diagnostics.HasErrors || !write)
        {
            return Done(diagnostics, site, 0, clock) with { Timings = timings.Phases };
        }

        // Output: the staged site is swapped in.
        staged!.Commit();
        timings.Mark("write");
        return Done(diagnostics, site, diagnostics.HasErrors ? 0 : paths.Count, clock) with { Timings = timings.Phases };
    }

    private static BuildResult Done(DiagnosticBag diagnostics, Model.ResolvedSite? site, int files, Stopwatch clock) =>
        new(diagnostics.Sorted(), site, files, clock.Elapsed);
}

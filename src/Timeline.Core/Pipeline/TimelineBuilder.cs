using System.Collections.Concurrent;
using System.Diagnostics;
using Timeline.Checks;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Languages;
using Timeline.Loading;
using Timeline.Model;
using Timeline.Output.Search;
using Timeline.Output;
using Timeline.Publishing.Feeds;
using Timeline.Rendering;
using Timeline.Resolving;
using Timeline.ShareImages;
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

        // Before anything is read: a build that would touch a folder it did not make stops here, having touched nothing.
        if (write && !OutputWriter.CheckFolders(options.OutputFolder, options.InputFolder, options.ThemeFolder, options.CacheFolder, display, diagnostics))
        {
            return Done(diagnostics, null, 0, clock);
        }

        // Input
        options.Progress?.Report("Reading the input");
        var input = new InputReader(display, diagnostics).Read(options.InputFolder);
        timings.Mark("read");
        var theme = ThemeTemplates.Load(options.ThemeFolder, display, diagnostics);
        var tools = options.LocateTools();
        var fonts = WebFonts.Load(tools, display, diagnostics);
        var design = Directory.Exists(options.ThemeFolder) ? ShareImageDesignLoader.Load(options.ThemeFolder, tools, display, diagnostics) : null;
        timings.Mark("theme");

        // Process
        options.Progress?.Report($"Checking {input.Events.Count} events");
        var content = ContentLoader.Load(input, diagnostics, options.BaseUrl);
        if (content is not null && !diagnostics.HasErrors)
        {
            // Each language of site.yml needs the theme's words in it (theme/i18n/<language>.yml); a language
            // site.yml got wrong is reported there, not again here.
            theme?.Strings.CheckLanguages(content.Site.Languages, diagnostics);
        }

        timings.Mark("load");
        if (content is null || diagnostics.HasErrors)
        {
            return Done(diagnostics, null, 0, clock);
        }

        var site = ReferenceResolver.Resolve(content, diagnostics);
        timings.Mark("resolve");
        if (diagnostics.HasErrors || theme is null || design is null)
        {
            return Done(diagnostics, site, 0, clock);
        }

        // Search is built only when Pagefind is installed: without it the site is still complete, and its search page says
        // search is unavailable. A warning, not an error, so that a site can be built where npm cannot run.
        var search = PagefindIndexer.Locate(tools, options.ToolsFolder ?? Directory.GetCurrentDirectory(), out var pagefind);
        if (search is null)
        {
            diagnostics.FolderWarning(PackageOf(display, pagefind), ErrorMessages.SearchToolMissing());
        }

        // PostProcess, streamed into Output: each page goes into the staging folder as soon as it is rendered, with
        // its links noted for the check, so the site is never held in memory whole. Staging is swapped in only
        // when nothing failed; otherwise it is removed and the previous output stays as it was.
        using var staged = write ? OutputWriter.Stage(options.OutputFolder, diagnostics, Subject.Folder(display.Show(options.OutputFolder))) : null;
        if (write && staged is null)
        {
            return Done(diagnostics, site, 0, clock);
        }

        // Only a build that writes runs Pagefind, so only it notes the pages for the search index's cache.
        var searchCache = search is null || !write ? null : new SearchIndexCache(options.CacheFolder);
        var paths = new ConcurrentBag<string>();
        var pages = new ConcurrentBag<LinkChecker.PageLinks>();
        var links = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        void KeepBytes(string path, ReadOnlySpan<byte> content)
        {
            paths.Add(path);
            if (LinkChecker.Scan(path, content, links) is { } page)
            {
                pages.Add(page);
            }

            searchCache?.Add(path, content);
            staged?.Add(path, content);
        }

        void Keep(OutputFile file) => KeepBytes(file.Path, file.Content);

        // Large files that are not pages (the feeds, the data files) go straight to their files: they have no links
        // to check and are not searched, and a large site's are hundreds of megabytes.
        void KeepStream(string path, Action<Stream> write)
        {
            paths.Add(path);
            if (staged is null)
            {
                write(Stream.Null);
            }
            else
            {
                staged.Write(path, write);
            }
        }

        options.Progress?.Report($"Rendering {site.Events.Count} events");
        var rest = new SiteRenderer(theme, diagnostics).Render(site, searchIndexed: search is not null, KeepBytes, KeepStream);
        Parallel.ForEach(rest.Concat(fonts), Keep);

        // The sitemap lists the pages written so far; robots.txt needs only the site.
        var written = paths.Select(path => new OutputFile(path, [])).ToList();
        Keep(Sitemap.Build(site.Site, written));
        Keep(RobotsTxt.Build(site.Site));

        timings.Mark("render");
        if (!diagnostics.HasErrors)
        {
            options.Progress?.Report($"Checking the links of {paths.Count} files");
            LinkChecker.Check(paths, pages.ToList(), site.Site.BasePath, theme.Files, site.InternalLinks(), diagnostics);
            timings.Mark("links");
        }

        if (diagnostics.HasErrors)
        {
            return Done(diagnostics, site, 0, clock) with { Timings = timings.Phases };
        }

        // `check` draws no share images: their fonts and design were checked when the design was loaded.
        if (!write)
        {
            return Done(diagnostics, site, 0, clock) with { Timings = timings.Phases };
        }

        // Output: the share images join the staged site as they are made, Pagefind indexes it, and it is swapped in.
        options.Progress?.Report($"Making {site.Events.Count + 1} share images");
        var counts = ShareImageBuilder.Build(site, design, theme.Strings, options.CacheFolder, staged!.Add);
        timings.Mark("images");
        options.Progress?.Report("Indexing the site for search");
        staged.Commit(
            folder => search is null || searchCache!.Index(search, folder, diagnostics, PackageOf(display, search.Executable)),
            beforeSwapFolder: search is null ? null : PagefindIndexer.BundleFolder);
        timings.Mark("write");
        return Done(diagnostics, site, diagnostics.HasErrors ? 0 : paths.Count + counts.Drawn + counts.Reused, clock, counts) with { Timings = timings.Phases };
    }

    /// <summary>A tool is named by its npm package's folder (bin/ holds the program): what `npm ci` installs or repairs.</summary>
    private static string PackageOf(PathDisplay display, string program) =>
        Subject.Folder(display.Show(Path.GetDirectoryName(Path.GetDirectoryName(program)) ?? program));

    private static BuildResult Done(DiagnosticBag diagnostics, Model.ResolvedSite? site, int files, Stopwatch clock, ShareImageCounts? images = null) =>
        new(diagnostics.Sorted(), site, files, clock.Elapsed) { ShareImagesDrawn = images?.Drawn ?? 0, ShareImagesReused = images?.Reused ?? 0 };
}

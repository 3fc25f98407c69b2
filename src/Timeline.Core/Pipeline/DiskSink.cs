using System.Collections.Concurrent;
using Timeline.Checks;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Model;
using Timeline.Output;
using Timeline.Output.Search;
using Timeline.Publishing.Feeds;
using Timeline.Rendering;
using Timeline.ShareImages;

namespace Timeline.Pipeline;

/// <summary>
/// Renders every page and checks every link, as `timeline check` does; when it writes (`timeline build`), the pages
/// stream into a staging folder as they are rendered, the share images and the search index join them, and the
/// staging folder is swapped in for the output only when nothing failed.
/// </summary>
internal sealed class DiskSink(BuildOptions options, bool write) : ISiteSink
{
    // The walk of the output's spare, started as soon as the folders are known to be the build's own.
    private Task<SpareOutput.Survey?>? _spareSurvey;

    // The page record the last build left, read while the input is.
    private Task<Dictionary<string, PageRecord>>? _pageRecord;

    public bool Open(PathDisplay display, DiagnosticBag diagnostics)
    {
        if (!write)
        {
            return true;
        }

        if (!OutputWriter.CheckFolders(options.OutputFolder, options.InputFolder, options.ThemeFolder, options.CacheFolder, display, diagnostics))
        {
            return false;
        }

        _spareSurvey = OutputWriter.SurveySpare(options.OutputFolder);
        _pageRecord = PageCache.ReadRecord(options.CacheFolder);
        return true;
    }

    public Published Publish(ResolvedSite site, SiteTheme theme, DiagnosticBag diagnostics, PhaseTimings timings)
    {
        var display = new PathDisplay(options.DisplayRoot);

        // Search is built only when Pagefind is installed: without it the site is still complete, and its search page says
        // search is unavailable. A warning, not an error, so that a site can be built where npm cannot run.
        var search = PagefindIndexer.Locate(options.LocateTools(), options.ToolsFolder ?? Directory.GetCurrentDirectory(), out var pagefind);
        if (search is null)
        {
            diagnostics.FolderWarning(PackageOf(display, pagefind), ErrorMessages.SearchToolMissing());
        }

        // PostProcess, streamed into Output: each page goes into the staging folder as soon as it is rendered, with
        // its links noted for the check, so the site is never held in memory whole. Staging is swapped in only
        // when nothing failed; otherwise it is removed and the previous output stays as it was.
        using var staged = write ? OutputWriter.Stage(options.OutputFolder, diagnostics, Subject.Folder(display.Show(options.OutputFolder)), _spareSurvey) : null;
        if (write && staged is null)
        {
            return new Published(0);
        }

        // Only a build that writes runs Pagefind, so only it notes the pages for the search index's cache.
        var searchCache = search is null || !write ? null : new SearchIndexCache(options.CacheFolder);
        var paths = new ConcurrentBag<string>();
        var pages = new ConcurrentBag<LinkChecker.PageLinks>();
        var shared = new LinkChecker.Shared();
        // The links and ids of the pages taken from the last build, apart: their links may not need checking again.
        var kept = new ConcurrentBag<LinkChecker.PageLinks>();

        options.Progress?.Report($"Rendering {site.Events.Count} events");
        var templates = theme.Templates!;
        // A build takes the pages whose inputs, theme and code are the same as last time from the output it replaces.
        var pageCache = write ? PageCache.Open(options.CacheFolder, options.OutputFolder, templates, site.Site.Languages, $"search {search is not null}, web fonts {theme.HasWebFonts}", staged!.Has, _pageRecord) : null;
        var output = new Output(paths, pages, shared, kept, searchCache, staged, pageCache);
        var rest = new SiteRenderer(templates, diagnostics, theme.HasWebFonts, pageCache).Render(site, searchIndexed: search is not null, output);
        Parallel.ForEach(rest.Concat(theme.Assets), output.Keep);

        // The sitemap lists the pages written so far; robots.txt needs only the site.
        var written = paths.Select(path => new OutputFile(path, [])).ToList();
        output.Keep(Sitemap.Build(site.Site, written));
        output.Keep(RobotsTxt.Build(site.Site));

        timings.Mark("render");

        // Output begins: Pagefind indexes the staged pages while their links are checked and the share images made.
        // Each run of it keeps about one core busy (one run per core when several shards changed), and those steps
        // fit between. Should they fail, it is stopped, and what it reported is not shown; either way it has ended
        // before the staging folder can be removed.
        using var stopSearch = new CancellationTokenSource();
        var searchDiagnostics = new DiagnosticBag();
        Task<bool>? indexing = null;
        try
        {
            if (write && search is not null && !diagnostics.HasErrors)
            {
                options.Progress?.Report("Indexing the site for search");
                var left = staged!.HandOver(PagefindIndexer.BundleFolder);
                // A thread of its own: it waits on Pagefind all along (see PagefindIndexer).
                indexing = Task.Factory.StartNew(
                    () => searchCache!.Index(search, staged.Folder, searchDiagnostics, PackageOf(display, search.Executable), left, stopSearch.Token),
                    CancellationToken.None,
                    TaskCreationOptions.LongRunning,
                    TaskScheduler.Default);
            }

            if (!diagnostics.HasErrors)
            {
                options.Progress?.Report($"Checking the links of {paths.Count} files");
                var sitePaths = paths.ToHashSet(StringComparer.Ordinal);
                // The pages taken from the last build had their links checked by it: again only when something they
                // could point to is gone. Share images, made below, are named only in og:image, which is not a link.
                var trusted = pageCache?.KeptLinksHold(sitePaths, path => Path.GetFileName(path) == SiteUrls.ShareImageFile) == true;
                LinkChecker.Check(sitePaths, trusted ? pages.ToList() : [.. pages, .. kept], site.Site.BasePath, templates.Files, site.InternalLinks(), diagnostics, checkedBefore: trusted ? kept.ToList() : []);
                timings.Mark("links");
            }

            // `check` draws no share images: their fonts and design were checked when the design was loaded.
            if (diagnostics.HasErrors || !write)
            {
                return new Published(0);
            }

            // The share images join the staged site as they are made, the search index is waited for, and the site is swapped in.
            options.Progress?.Report($"Making {site.Events.Count + 1} share images");
            var staging = staged!;
            var counts = ShareImageBuilder.Build(site, theme.Design!, templates.Strings, options.CacheFolder, output);
            timings.Mark("images");
            options.Progress?.Report("Indexing the site for search");

            // Every page is recorded by now: the record is written while Pagefind runs, and kept if the site is swapped in.
            var record = diagnostics.HasErrors ? null : pageCache?.SaveAside();
            var swapped = false;
            try
            {
                swapped = staging.Commit(() => Indexed(indexing, searchDiagnostics, diagnostics));
            }
            finally
            {
                if (swapped && !diagnostics.HasErrors)
                {
                    record?.Keep();
                }
                else
                {
                    record?.Drop();
                }
            }

            timings.Mark("write");

            return new Published(diagnostics.HasErrors ? 0 : paths.Count + counts.Drawn + counts.Reused, counts.Drawn, counts.Reused, pageCache?.Reused ?? 0,
                searchCache?.Counts.Indexed ?? 0, searchCache?.Counts.Reused ?? 0, pageCache?.PartsReused ?? 0);
        }
        finally
        {
            if (indexing is not null && !indexing.IsCompleted)
            {
                stopSearch.Cancel();
            }

            // Whatever happened, Pagefind has stopped writing into the staging folder before it is removed or swapped in.
            try
            {
                indexing?.Wait();
            }
            catch (AggregateException)
            {
                // Its failure was read where it was waited for; or the build failed first and it does not matter.
            }
        }
    }

    // The search index's result once it is done, with what it reported; true when no search index is made.
    private static bool Indexed(Task<bool>? indexing, DiagnosticBag reported, DiagnosticBag diagnostics)
    {
        if (indexing is null)
        {
            return true;
        }

        var indexed = indexing.GetAwaiter().GetResult();
        foreach (var diagnostic in reported.Sorted())
        {
            diagnostics.Add(diagnostic);
        }

        return indexed;
    }

    /// <summary>A tool is named by its npm package's folder (bin/ holds the program): what `npm ci` installs or repairs.</summary>
    private static string PackageOf(PathDisplay display, string program) =>
        Subject.Folder(display.Show(Path.GetDirectoryName(Path.GetDirectoryName(program)) ?? program));

    /// <summary>
    /// Where the rendered site goes: each file into the staging folder (when the build writes), with its links noted
    /// for the check and its search digest for the index; a page the page cache kept is linked in from the output it
    /// replaces, with the links and digest recorded for it, and is not read. Share images go into the staging folder
    /// too, recorded with the page cache as pages are, but are not pages: no links, no search, not in the sitemap.
    /// </summary>
    private sealed class Output(
        ConcurrentBag<string> paths,
        ConcurrentBag<LinkChecker.PageLinks> pages,
        LinkChecker.Shared shared,
        ConcurrentBag<LinkChecker.PageLinks> kept,
        SearchIndexCache? searchCache,
        OutputWriter.StagedOutput? staged,
        PageCache? pageCache) : IPageOutput, IShareImageOutput
    {
        public void Keep(OutputFile file) => Rendered(file.Path, file.Content, null);

        public void Rendered(string path, ReadOnlySpan<byte> content, string? key)
        {
            paths.Add(path);
            var scanned = LinkChecker.Scan(path, content, shared);
            if (scanned is not null)
            {
                pages.Add(scanned);
            }

            var search = searchCache?.Add(path, content);
            pageCache?.NoteIds(path, scanned?.Ids);
            // Every file is recorded, those without a key too, so that the next build knows what this one wrote.
            if (staged?.Add(path, content) is { } stamp)
            {
                pageCache?.Record(path, new PageRecord(key ?? PageCache.Unkeyed, stamp, scanned?.Links, scanned?.Ids, search is null ? null : PageRecord.SearchPart.Of(search)));
            }
        }

        // Large files that are not pages (the feeds, the data files) go straight to their files: they have no links
        // to check and are not searched, and a large site's are hundreds of megabytes.
        public void Streamed(string path, Action<Stream> write, FileParts? parts = null)
        {
            paths.Add(path);
            if (staged is null)
            {
                write(Stream.Null);
            }
            else if (staged.Write(path, write) is { } stamp)
            {
                pageCache?.Record(path, stamp, parts);
            }
        }

        public void Kept(string path, PageRecord record)
        {
            paths.Add(path);
            if (record.Links is not null)
            {
                kept.Add(new LinkChecker.PageLinks(path, record.Links, record.Ids ?? []));
            }

            if (record.Search is { } search)
            {
                searchCache?.Add(search.At(path));
            }

            LinkFromOutput(path, record);
        }

        public bool Keeps(string path, string key)
        {
            if (pageCache is null || !pageCache.Holds(path, key, out var record))
            {
                return false;
            }

            LinkFromOutput(path, record);
            return true;
        }

        // Cleared once a cached image that exists cannot be linked: the cache and the output are on different file
        // systems (or the system has no links), and trying each of 100,000 images again would only cost their calls.
        private volatile bool _linking = true;

        public CachedImage Link(string path, string key, string cachedFile)
        {
            if (!_linking || staged is null || FileStamp.Of(cachedFile) is not { } cached || cached.Size < ShareImageCache.SmallestPng)
            {
                return CachedImage.NotLinked;
            }

            // Changed by hand in the output since the last build linked it: the cached file is that same file.
            if (pageCache?.ChangedThroughOutput(path, key, cached) == true)
            {
                return CachedImage.Changed;
            }

            if (staged.TryLink(path, cachedFile, cached) is not { } stamp)
            {
                _linking = false;
                return CachedImage.NotLinked;
            }

            pageCache?.Record(path, new PageRecord(key, stamp, null, null, null));
            return CachedImage.Linked;
        }

        public void Add(string path, ReadOnlySpan<byte> png, string key)
        {
            if (staged?.Add(path, png) is { } stamp)
            {
                pageCache?.Record(path, new PageRecord(key, stamp, null, null, null));
            }
        }

        // The last build's file, unchanged since, into the new site without reading it.
        private void LinkFromOutput(string path, PageRecord record)
        {
            if (staged?.Link(path, pageCache!.InOutput(path), record.Stamp) is { } stamp)
            {
                pageCache.Record(path, record with { Stamp = stamp });
            }
        }
    }
}

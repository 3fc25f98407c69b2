using System.Collections.Concurrent;
using System.Text;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Languages;
using Timeline.Model;
using Timeline.Publishing.Feeds;
using Timeline.Publishing.Reuse;
using Timeline.Publishing;
using Timeline.ShareImages;
using Timeline.Theme;
using Timeline.Views;

namespace Timeline.Rendering;

/// <summary>
/// The PostProcess phase: with the whole timeline known, renders every page through the theme's templates
/// (in parallel). Nothing is written here.
/// </summary>
internal sealed class SiteRenderer(ThemeTemplates theme, DiagnosticBag diagnostics, bool webFonts = false, PageCache? pageCache = null)
{
    // The page this thread renders in Render, and what the page cache said of it: the key to record with the
    // rendered bytes, or the record of the last build's file, taken instead of rendering.
    [ThreadStatic]
    private static string? t_path;

    [ThreadStatic]
    private static string? t_key;

    [ThreadStatic]
    private static PageRecord? t_kept;

    /// <summary>
    /// Renders every page (the theme's assets are read with the theme, see <see cref="Assets"/>); <paramref name="searchIndexed"/>
    /// says whether Pagefind will index them, for the search page. With <paramref name="output"/>, each page is handed
    /// to it as soon as it is made and is not kept, so a large site never sits in memory whole, and pages the page cache
    /// finds unchanged are handed on as they were; the list returned then holds the rest.
    /// </summary>
    public IReadOnlyList<OutputFile> Render(ResolvedSite site, bool searchIndexed, IPageOutput? output = null)
    {
        // The feeds are rendered with the pages: a large site's feed is as long as all its events' bodies. The files
        // that each take long (feeds, data files, the index) come first, so that they do not finish alone at the end.
        var table = Table(site, searchIndexed);
        if (output is not null)
        {
            table.Inputs?.Prepare();
        }

        var feeds = site.Site.Languages.Select(code => FeedJob(site, code, table.Inputs)).ToList();
        var listed = table.All();
        var files = new OutputFile?[feeds.Count + listed.Count];
        var cache = output is null ? null : pageCache;
        Parallel.For(0, files.Length, i =>
        {
            var page = i < feeds.Count ? feeds[i] : listed[i - feeds.Count];
            if (page.WriteBytes is { } write && output is not null)
            {
                // A file made of parts copies those the last build wrote with the same keys from its file.
                if (cache is not null && page.WriteParts is { } parted && page.PartKey is { } partKey)
                {
                    using var parts = cache.PartsOf(page.Path, partKey);
                    output.Streamed(page.Path, stream => parted(stream, parts), parts);
                }
                else
                {
                    output.Streamed(page.Path, write);
                }

                return;
            }

            (t_path, t_key, t_kept) = (cache is null ? null : page.Path, null, null);
            if (cache is not null && page.Inputs is { } inputs)
            {
                t_key = inputs();
                if (cache.TryKeep(page.Path, t_key, out var kept))
                {
                    t_kept = kept;
                }
            }

            // Each thread renders into one buffer it reuses, and the page's bytes are handed on from there.
            ReadOnlySpan<byte> bytes = t_kept is not null ? default : page.WriteBytes is null ? Encode(page, PageBuffer.ForThisThread()) : page.ToBytes();
            var (key, record) = (t_key, t_kept);
            (t_path, t_key, t_kept) = (null, null, null);
            if (record is not null)
            {
                output!.Kept(page.Path, record);
            }
            else if (output is null)
            {
                files[i] = new OutputFile(page.Path, bytes.ToArray());
            }
            else
            {
                output.Rendered(page.Path, bytes, key);
            }
        });
        return files.OfType<OutputFile>().OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    // A language's site view's hash, for keys made from a page's inputs.
    private string SiteHash(SiteView view) => pageCache!.SiteHash(view);

    private static ReadOnlySpan<byte> Encode(PageJob page, PageBuffer buffer)
    {
        page.Write(buffer.Start());
        return buffer.Encode();
    }

    /// <summary>Every page of the site with how to render it, rendering none.</summary>
    public IReadOnlyList<PageJob> Pages(ResolvedSite site, bool searchIndexed) => Table(site, searchIndexed).All();

    /// <summary>
    /// Every page of the site, found by its path when asked for: `timeline serve` makes a table after every edit and
    /// renders only the pages a browser asks for, so the table lists nothing up front. <paramref name="kept"/> holds
    /// event summaries from serve's last rebuild.
    /// </summary>
    public PageTable Table(ResolvedSite site, bool searchIndexed, SummaryCache? kept = null)
    {
        var trees = new List<(string Folder, LanguagePages Pages)>();
        // How events link to each other, to sources, entities, years and tags: the same in every language, made once.
        var index = new SiteIndex(site);
        // A build with a page cache keys an event's files by the records they show, before rendering them.
        var inputs = pageCache is null ? null : new PageInputs(site, index, pageCache.Salt);
        foreach (var (language, localized) in PageLanguage.All(site, theme.Strings))
        {
            // The default language's tree is the site's root; every other language has its own folder (/fa/).
            var folder = language.IsDefault ? "" : language.Urls.Index[language.RootUrls.Index.Length..];
            var views = new ViewBuilder(localized, language, date => Date(date, language.Code), kept, index, theme.HasNoteMarkers ? markers => NoteMarkers(markers, language.Code) : null)
            {
                WebFonts = webFonts,
            };
            trees.Add((folder, new LanguagePages(this, localized, views, searchIndexed, inputs)));
        }

        return new PageTable(trees, inputs);
    }

    /// <summary>One language's feed (fa/feed.xml for fa), or null when it could not be written.</summary>
    public static OutputFile? Feed(ResolvedSite site, string code, DiagnosticBag diagnostics)
    {
        var (localized, fallbacks) = LocalizedSite.For(site, code);
        return AtomFeed.Build(localized, diagnostics, FeedPath(site, code), fallbacks, site.Site.Language);
    }

    /// <summary>
    /// One language's feed as a page job: written straight to its file, or left empty with an error reported; with
    /// <paramref name="inputs"/>, each event's entry is keyed, and copied from the last build's feed when unchanged.
    /// </summary>
    private PageJob FeedJob(ResolvedSite site, string code, PageInputs? inputs) => PageJob.Parts(
        FeedPath(site, code),
        (stream, parts) =>
        {
            var (localized, fallbacks) = LocalizedSite.For(site, code);
            AtomFeed.Write(stream, localized, diagnostics, FeedPath(site, code), fallbacks, site.Site.Language, parts);
        },
        inputs is null ? null : position => inputs.EventPart(position, SiteUrls.FeedFile, code));

    public static string FeedPath(ResolvedSite site, string code)
    {
        var root = new SiteUrls(site.Site.BasePath);
        return root.FileOf((code == site.Site.Language ? root : root.ForLanguage(code)).Feed);
    }

    /// <summary>
    /// One language's pages, with paths inside its tree. An event's four files are found by the id in their path; the
    /// few other pages (lists, indexes, content pages) are listed when one is first asked for. Each list's view is
    /// made when its page is rendered.
    /// </summary>
    internal sealed class LanguagePages(SiteRenderer renderer, ResolvedSite site, ViewBuilder views, bool searchIndexed, PageInputs? inputs = null)
    {
        private const string Events = SiteUrls.EventsFolder + "/";
        private const string Embeds = SiteUrls.EmbedFolder + "/" + SiteUrls.EventsFolder + "/";
        private const string Tags = SiteUrls.TagsFolder + "/";
        private const string Index = "/index.html";
        private const int FilesPerEvent = 4;
        private Dictionary<string, PageJob>? _others;

        /// <summary>
        /// Every page in the order a build renders them, in three parts: those that take long first (feeds, data files,
        /// the index), then each event's four files, made when asked for, then the lists; with paths inside the site
        /// (<paramref name="folder"/> is this tree's).
        /// </summary>
        public IEnumerable<(int Count, Func<int, PageJob> At)> Parts(string folder)
        {
            PageJob InTree(PageJob job) => folder.Length == 0 ? job : job with { Path = folder + job.Path };
            var first = Fixed().Concat(Data()).ToList();
            var last = Lists(withTags: true).ToList();
            return [(first.Count, i => InTree(first[i])), (site.Events.Count * FilesPerEvent, i => InTree(EventFile(i))), (last.Count, i => InTree(last[i]))];
        }

        // An event's page, embed card, and citation files, in that order, four to an event.
        private PageJob EventFile(int number)
        {
            var (i, file) = Math.DivRem(number, FilesPerEvent);
            var urls = views.Urls;
            var id = site.Events[i].Id;
            return file switch
            {
                0 => EventPage(urls.FileOf(urls.Event(id)), i),
                1 => EmbedPage(urls.FileOf(urls.Embed(id)), i),
                2 => CitationFile(urls.FileOf(urls.EventCitation(id, "json")), i, json: true),
                _ => CitationFile(urls.FileOf(urls.EventCitation(id, "bib")), i, json: false),
            };
        }

        /// <summary>The page at a path inside this tree, or null when it has none.</summary>
        public PageJob? Find(string path)
        {
            if (path.StartsWith(Events, StringComparison.Ordinal) && EventAt(path, Events.Length) is var (index, file))
            {
                return file switch
                {
                    "index.html" => EventPage(path, index),
                    "cite.json" => CitationFile(path, index, json: true),
                    "cite.bib" => CitationFile(path, index, json: false),
                    _ => null,
                };
            }

            if (path.StartsWith(Embeds, StringComparison.Ordinal) && EventAt(path, Embeds.Length) is (var embedded, "index.html"))
            {
                return EmbedPage(path, embedded);
            }

            // A tag's page: the tags are listed only when a tag's page is asked for (every event is looked at).
            if (path.StartsWith(Tags, StringComparison.Ordinal) && path.EndsWith(Index, StringComparison.Ordinal) && path.Length > Tags.Length + Index.Length)
            {
                var tag = path[Tags.Length..^Index.Length];
                return views.Tag(tag) is not null && TagPage(tag) is var job && job.Path == path ? job : null;
            }

            // Listed once per table; a race lists them twice, harmlessly. No other page's path starts with events/,
            // embed/ or tags/ and ends in /index.html.
            var others = Volatile.Read(ref _others) ?? (_others = ByPath(Fixed().Concat(Data()).Concat(Lists(withTags: false))));
            return others.GetValueOrDefault(path);
        }

        // As in a list of every page, a later page with the same path is the one kept.
        private static Dictionary<string, PageJob> ByPath(IEnumerable<PageJob> jobs)
        {
            var byPath = new Dictionary<string, PageJob>(StringComparer.Ordinal);
            foreach (var job in jobs)
            {
                byPath[job.Path] = job;
            }

            return byPath;
        }

        /// <summary>The event named by "&lt;id&gt;/&lt;file&gt;" from <paramref name="start"/> on, if the site has it.</summary>
        private (int Index, string File)? EventAt(string path, int start)
        {
            var slash = path.IndexOf('/', start);
            return slash > start && views.TryFindEvent(path[start..slash], out var index) ? (index, path[(slash + 1)..]) : null;
        }

        private IEnumerable<PageJob> Fixed()
        {
            var urls = views.Urls;
            var root = views.Language.RootUrls;
            // The index, the bibliography and the changes show every event or every source: keyed by those records, not by their views.
            yield return new(urls.FileOf(urls.Index), w => renderer.Page(w, "index", views, views.Text("nav_timeline"), site.Site.Description, urls.Index, "index", new() { ["eras"] = views.EraSections(), ["overview"] = views.Overview() }))
            {
                Inputs = Keyed((inputs, language, siteHash) => inputs.EveryEvent("index", language, siteHash)),
            };
            yield return new(urls.FileOf(urls.Tags), w => renderer.Page(w, "tags", views, views.Text("title_tags"), views.Text("description_tags"), urls.Tags, "tags", new() { ["tags"] = views.TagIndex() }));
            yield return new(urls.FileOf(urls.Sources), w => renderer.Page(w, "sources", views, views.Text("title_sources"), views.Text("description_sources"), urls.Sources, "sources", new() { ["sources"] = views.Sources() }))
            {
                Inputs = Keyed((inputs, language, siteHash) => inputs.EverySource("sources", language, siteHash)),
            };
            yield return new(urls.FileOf(urls.Search), w => renderer.Page(w, "search", views, views.Text("title_search"), views.Text("description_search"), urls.Search, "search", new() { ["search"] = new SearchView(searchIndexed, root.SearchBundle, root.Asset("search.js"), root.Index) }));
            yield return new(urls.FileOf(urls.Changes), w => renderer.Page(w, "changes", views, views.Text("title_changes"), views.Text("description_changes"), urls.Changes, "changes", new() { ["changes"] = views.Changes() }))
            {
                Inputs = Keyed((inputs, language, siteHash) => inputs.Changes("changes", language, siteHash)),
            };

            // One 404 page, in the default language: a server shows it for every missing address, in any tree.
            if (views.Language.IsDefault)
            {
                yield return new(urls.FileOf(urls.NotFound), w => renderer.Page(w, "404", views, views.Text("title_not_found"), views.Text("description_not_found"), urls.NotFound, "page", []));
            }
        }

        // The key of one of an event's files, made from the records it shows; none without a page cache.
        private Func<string>? Inputs(int index, string file) =>
            Keyed((inputs, language, siteHash) => inputs.Key(index, file, language, siteHash));

        // A page's key made from the records it shows, in this language with its site view's hash; none without a page cache.
        private Func<string>? Keyed(Func<PageInputs, string, string, string> key) =>
            inputs is null ? null : () => key(inputs, views.Language.Code, renderer.SiteHash(views.Site));

        // The keys of the parts of a file made of one part per event, or per source; none without a page cache.
        private Func<int, string>? EventParts(string file) =>
            inputs is null ? null : position => inputs.EventPart(position, file, views.Language.Code);

        private Func<int, string>? SourceParts(string file) =>
            inputs is null ? null : index => inputs.SourcePart(index, file, views.Language.Code);

        private PageJob EventPage(string path, int index) => new(path, w =>
        {
            var urls = views.Urls;
            var view = views.Event(index);
            var share = ShareLinks.For(view.Title, view.Date.Text, view.Summary, views.AbsoluteUrl(view.Url), views.AbsoluteUrl(urls.Embed(view.Id)), urls.Embed(view.Id), views.Site.Title, views.Language.RootUrls.Asset("share.js"), views.AbsoluteUrl(views.Language.RootUrls.Asset("embed.js")));
            renderer.Page(w, "event", views, view.Title, view.Summary, view.Url, "event", new() { ["event"] = view, ["share"] = share }, EventImage(views, view));
        })
        {
            Inputs = Inputs(index, "event"),
        };

        private PageJob EmbedPage(string path, int index) => new(path, w => renderer.Embed(w, views, views.Event(index))) { Inputs = Inputs(index, "embed") };

        private PageJob CitationFile(string path, int index, bool json) => new(path, w =>
        {
            var e = site.Events[index];
            var citation = views.Citation(e);
            w.Write(json ? citation.CslJson() : citation.BibTex(views.CitationNote(e)));
        })
        {
            Inputs = Inputs(index, json ? "cite.json" : "cite.bib"),
        };

        private PageJob TagPage(string tag) => new(views.Urls.FileOf(views.Urls.Tag(tag)), w =>
        {
            var list = views.Tag(tag)!;
            renderer.Page(w, "tag", views, views.Text("title_tag", ("tag", list.Title)), views.Text("description_tag", ("tag", list.Title)), list.Url, "tag", new() { ["tag"] = list });
        })
        {
            Inputs = Keyed((inputs, language, siteHash) => inputs.TagPage(tag, "tag", language, siteHash)),
        };

        // The timeline as data for reuse (README.md, "Data for reuse"), in each language's words.
        private IEnumerable<PageJob> Data()
        {
            var urls = views.Urls;
            yield return PageJob.Parts(urls.FileOf(urls.EventsData), (stream, parts) => DataFiles.Events(site, urls, views.AbsoluteUrl, stream, parts), EventParts(urls.EventsData));
            yield return PageJob.Parts(urls.FileOf(urls.SourcesData), (stream, parts) => DataFiles.Sources(site, urls, views.AbsoluteUrl, stream, parts), SourceParts(urls.SourcesData));
            yield return PageJob.Parts(
                urls.FileOf(urls.TimelineJsData),
                (stream, parts) => TimelineJsFile.Write(site, urls, views.AbsoluteUrl, span => views.Date(span).Text, views.Text("embed_read"), stream, parts),
                EventParts(urls.TimelineJsData));
        }

        // A year's, a tag's, a source's and an entity's page are keyed by the records they show, as an event's are:
        // keyed by their views, the source pages alone took longer to learn unchanged than rendering what a title edit changes.
        private IEnumerable<PageJob> Lists(bool withTags)
        {
            var urls = views.Urls;

            foreach (var year in views.YearNumbers())
            {
                yield return new(urls.FileOf(urls.Year(year)), w =>
                {
                    var list = views.Year(year)!;
                    renderer.Page(w, "year", views, list.Title, views.Text("description_year", ("year", list.Title)), list.Url, "year", new() { ["year"] = list });
                })
                {
                    Inputs = Keyed((inputs, language, siteHash) => inputs.YearPage(year, "year", language, siteHash)),
                };
            }

            foreach (var tag in withTags ? views.TagNames() : [])
            {
                yield return TagPage(tag);
            }

            // Sources and entities are numbered in the site's order, the same in every language.
            foreach (var (index, id) in views.SourceIds().Index())
            {
                yield return new(urls.FileOf(urls.SourcePage(id)), w =>
                {
                    var view = views.SourcePage(id)!;
                    renderer.Page(w, "source", views, view.Source.Title, views.Text("description_source", ("title", view.Source.Title), ("publisher", view.Source.Publisher)), view.Source.Url, "source", new() { ["source_page"] = view });
                })
                {
                    Inputs = Keyed((inputs, language, siteHash) => inputs.SourcePage(index, "source", language, siteHash)),
                };
            }

            foreach (var (index, x) in site.Entities.Index())
            {
                yield return new(urls.FileOf(urls.Entity(x.Entity.Kind, x.Entity.Id)), w =>
                {
                    var entity = views.Entity(x);
                    renderer.Page(w, "entity", views, entity.Name, views.Text("description_entity", ("name", entity.Name)), entity.Url, "entity", new() { ["entity"] = entity });
                })
                {
                    Inputs = Keyed((inputs, language, siteHash) => inputs.EntityPage(index, "entity", language, siteHash)),
                };
            }

            foreach (var kind in views.EntityKinds())
            {
                yield return new(urls.FileOf(urls.EntityIndex(kind)), w =>
                {
                    var index = views.EntityIndex(kind)!;
                    renderer.Page(w, "entities", views, index.Title, views.Text("description_entities", ("title", index.Title)), index.Url, "entities", new() { ["index"] = index });
                });
            }

            foreach (var page in site.Pages)
            {
                yield return new(urls.FileOf(urls.Page(page.Page.Id)), w =>
                {
                    var view = views.Page(page);
                    renderer.Page(w, "page", views, view.Title, view.Summary ?? site.Site.Description, view.Url, "page", new() { ["content_page"] = view });
                });
            }
        }
    }

    private void Page(StringWriter writer, string template, ViewBuilder views, string title, string description, string url, string kind, Dictionary<string, object?> values, ImageView? image = null)
    {
        var meta = Meta(views, title, description, url, views.AbsoluteUrl(url), kind, image);
        values["site"] = views.Site;
        values["page"] = meta;
        var layout = new Dictionary<string, object?> { ["site"] = views.Site, ["page"] = meta };
        if (!FromCache(template, views.Language, values, layout))
        {
            Render(writer, template, url, views.Language, w => theme.RenderInLayout(w, template, values, layout, views.Language.Code));
        }
    }

    /// <summary>
    /// Whether the page Render is making is taken from the last build (a build with a page cache), keyed by its views;
    /// else notes the key its bytes are recorded with.
    /// </summary>
    private bool FromCache(string template, PageLanguage language, Dictionary<string, object?> values, Dictionary<string, object?>? layout)
    {
        // No cache, or a page keyed by its inputs before it was rendered.
        if (pageCache is null || t_path is not { } path || t_key is not null)
        {
            return false;
        }

        var key = pageCache.Key(template, language.Code, values, layout);
        if (pageCache.TryKeep(path, key, out var kept))
        {
            t_kept = kept;
            return true;
        }

        t_key = key;
        return false;
    }

    /// <summary>An event's card for other sites' frames: a whole document of its own, with no layout and no site navigation.</summary>
    private void Embed(StringWriter writer, ViewBuilder views, EventView view)
    {
        var url = views.Urls.Embed(view.Id);
        var meta = Meta(views, view.Title, view.Summary, url, views.AbsoluteUrl(view.Url), "embed", EventImage(views, view));
        var values = new Dictionary<string, object?> { ["site"] = views.Site, ["page"] = meta, ["event"] = view };
        if (!FromCache("embed", views.Language, values, null))
        {
            Render(writer, "embed", url, views.Language, w => theme.RenderTo(w, "embed", values, views.Language.Code));
        }
    }

    private static PageMeta Meta(ViewBuilder views, string title, string description, string url, string canonical, string kind, ImageView? image)
    {
        var language = views.Language;
        var alternates = new List<AlternateView>();
        var others = new List<AlternateView>();

        // The 404 page has one copy, and a site in one language has no other to point at.
        if (language.AllCodes.Count > 1 && kind != "embed" && url != views.Urls.NotFound)
        {
            foreach (var code in language.AllCodes)
            {
                var alternate = new AlternateView(code, views.AbsoluteUrl(language.InLanguage(url, code)), language.LanguageNames.GetValueOrDefault(code, code), PageLanguage.DirectionOf(code));
                alternates.Add(alternate);
                if (code != language.Code)
                {
                    others.Add(alternate with { Url = language.InLanguage(url, code) });
                }
            }

            alternates.Add(alternates[0] with { Code = "x-default" });
        }

        return new PageMeta(
            title,
            description,
            url,
            canonical,
            kind,
            kind == "event" ? "article" : "website",
            views.Language.Profile.Locale,
            image ?? new ImageView(views.AbsoluteUrl(views.Urls.SiteShareImage), ShareImageRenderer.Width, ShareImageRenderer.Height, "image/png", views.Site.Title))
        {
            Alternates = alternates,
            Switch = others,
        };
    }

    // Each language's page of an event has the event's card drawn in that language (fa/events/<id>/share.png).
    private static ImageView EventImage(ViewBuilder views, EventView view) => new(
        views.AbsoluteUrl(views.Urls.EventShareImage(view.Id)),
        ShareImageRenderer.Width,
        ShareImageRenderer.Height,
        "image/png",
        $"{view.Title}. {view.Date.Text}. {views.Site.Title}");

    private void Render(StringWriter writer, string template, string url, PageLanguage language, Action<StringWriter> render)
    {
        var text = writer.GetStringBuilder();
        var start = text.Length;
        try
        {
            render(writer);

            // A page written right to left, on a site written left to right, isolates the runs of the default
            // language's script in its text, wherever they came from: records, translations or theme strings.
            if (language.Direction == "rtl" && PageLanguage.DirectionOf(language.DefaultCode) == "ltr")
            {
                var page = text.ToString(start, text.Length - start);
                var isolated = LeftToRightRuns.IsolateInPage(page, language.DefaultCode);
                if (!ReferenceEquals(page, isolated))
                {
                    text.Length = start;
                    text.Append(isolated);
                }
            }
        }
        catch (Exception ex)
        {
            // A theme is code written by the site's author: any failure is theirs to fix, and is reported, not thrown.
            // What the page had written before it failed is taken back: a failed page is empty.
            text.Length = start;
            var where = theme.ShownPathOf(template);
            if (ex is TemplateLimitException limit)
            {
                // At the loop it was in, when it was in one.
                var position = limit.File is null ? SourcePosition.WholeFile : new SourcePosition(limit.Line, 1);
                diagnostics.Error(limit.File ?? where, position, ErrorMessages.TemplateLimitReached(limit.Limit, url));
            }
            else if (TemplateLimits.IsFluidLimit(ex))
            {
                diagnostics.Error(where, SourcePosition.WholeFile, ErrorMessages.TemplateLimitReached(TemplateLimit.Steps, url));
            }
            else
            {
                diagnostics.Error(where, SourcePosition.WholeFile, ErrorMessages.TemplateRender(url, ex.Message.TrimEnd('.')));
            }
        }
    }

    /// <summary>
    /// A group of note markers as the theme's partial writes it. Markers are written while a page's views are made,
    /// before the page itself renders: a failure is reported against the partial, and stops the build as any template error does.
    /// </summary>
    private string NoteMarkers(IReadOnlyList<NoteMarkerView> markers, string language)
    {
        // The same group ([1] as the first marker of a page) comes back on nearly every page, and a render of the
        // partial depends only on the markers and the language: each distinct group is rendered once.
        var key = language + "\n" + string.Join('\n', markers.Select(m => m.Id + " " + m.NoteId));
        return _noteMarkers.GetOrAdd(key, _ => RenderNoteMarkers(markers, language));
    }

    private readonly ConcurrentDictionary<string, string> _noteMarkers = new(StringComparer.Ordinal);

    private string RenderNoteMarkers(IReadOnlyList<NoteMarkerView> markers, string language) =>
        RenderPartial(ThemeTemplates.NoteMarkersPartial, "markers", markers, language, "a note marker");

    /// <summary>
    /// A date as the theme's partial writes it. A date is shown on every list an event is in (years, tags, entities,
    /// related events), and a partial rendered for each of those cost a fifth more render time at 10,000 events: each
    /// date is rendered once per language, as note markers are.
    /// </summary>
    private string Date(DateMarkupView date, string language) =>
        _dates.GetOrAdd((language, date), static (key, renderer) => renderer.RenderPartial(ThemeTemplates.DatePartial, "date", key.Date, key.Language, "a date"), this);

    private readonly ConcurrentDictionary<(string Language, DateMarkupView Date), string> _dates = new();

    /// <summary>A partial rendered on its own, before the page it is part of: a failure is reported against the partial.</summary>
    private string RenderPartial(string partial, string name, object value, string language, string what)
    {
        try
        {
            return theme.Render(partial, new Dictionary<string, object?> { [name] = value }, language);
        }
        catch (Exception ex)
        {
            diagnostics.Error(theme.ShownPathOf(partial), SourcePosition.WholeFile, ErrorMessages.TemplateRender(what, ex.Message.TrimEnd('.')));
            return "";
        }
    }

    /// <summary>
    /// The theme's assets/, copied to /assets/, but for its favicon.ico, which goes to the root (<see cref="SiteUrls.FaviconFile"/>);
    /// a stylesheet without its comments.
    /// </summary>
    public IEnumerable<OutputFile> Assets()
    {
        var folder = Path.Combine(theme.Folder, "assets");
        return theme.Assets.Select(file => Read(file, AssetPath(Path.GetRelativePath(folder, file.Path).Replace('\\', '/')))).OfType<OutputFile>();
    }

    private static string AssetPath(string name) => name == SiteUrls.FaviconFile ? name : SiteUrls.AssetsFolder + "/" + name;

    private OutputFile? Read(Input.FoundFile file, string path)
    {
        try
        {
            return path.EndsWith(".css", StringComparison.Ordinal)
                ? new OutputFile(path, Encoding.UTF8.GetBytes(StylesheetComments.Strip(File.ReadAllText(file.RealPath))))
                : new OutputFile(path, File.ReadAllBytes(file.RealPath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(theme.Display.Show(file.Path), SourcePosition.WholeFile, ErrorMessages.UnreadableFile(ex.Message));
            return null;
        }
    }
}

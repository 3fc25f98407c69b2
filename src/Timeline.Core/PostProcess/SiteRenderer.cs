using Timeline.Diagnostics;
using Timeline.Model;
using Timeline.PostProcess.Feeds;
using Timeline.PostProcess.Languages;
using Timeline.PostProcess.Reuse;
using Timeline.PostProcess.ShareImages;
using Timeline.PostProcess.Views;
using Timeline.Theme;

namespace Timeline.PostProcess;

/// <summary>
/// The PostProcess phase: with the whole timeline known, renders every page through the theme's templates
/// (in parallel) and gathers the theme's assets. Nothing is written here.
/// </summary>
public sealed class SiteRenderer(ThemeTemplates theme, DiagnosticBag diagnostics)
{
    /// <summary>
    /// Renders every page and gathers the assets; <paramref name="searchIndexed"/> says whether Pagefind will index them,
    /// for the search page. With <paramref name="rendered"/>, each page is handed to it as soon as it is made and is not
    /// kept, so a large site never sits in memory whole; the list returned then holds the rest.
    /// </summary>
    public IReadOnlyList<OutputFile> Render(ResolvedSite site, bool searchIndexed, PageSink? rendered = null)
    {
        // The feeds are rendered with the pages: a large site's feed is as long as all its events' bodies.
        var pages = Pages(site, searchIndexed).Concat(site.Site.Languages.Select(code => FeedJob(site, code))).ToList();
        var files = new OutputFile?[pages.Count];
        Parallel.For(0, pages.Count, i =>
        {
            // Each thread renders into one buffer it reuses, and the page's bytes are handed on from there.
            var buffer = PageBuffer.ForThisThread();
            var page = pages[i];
            ReadOnlySpan<byte> bytes;
            if (page.WriteUtf8 is { } utf8)
            {
                bytes = buffer.WriteUtf8(utf8);
            }
            else
            {
                page.Write(buffer.Start());
                bytes = buffer.Encode();
            }

            if (rendered is null)
            {
                files[i] = new OutputFile(pages[i].Path, bytes.ToArray());
            }
            else
            {
                rendered(pages[i].Path, bytes);
            }
        });
        return files.OfType<OutputFile>().Concat(Assets()).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>Takes a page's bytes as it is made; they are valid only during the call.</summary>
    public delegate void PageSink(string path, ReadOnlySpan<byte> content);

    /// <summary>Every page of the site with how to render it, rendering none: `timeline serve` renders each when it is asked for.</summary>
    public IReadOnlyList<PageJob> Pages(ResolvedSite site, bool searchIndexed)
    {
        var jobs = new List<PageJob>();
        foreach (var (language, localized) in PageLanguage.All(site, theme.Strings))
        {
            // The default language's tree is the site's root; every other language has its own folder (/fa/).
            var folder = language.IsDefault ? "" : language.Urls.Index[language.RootUrls.Index.Length..];
            var views = new ViewBuilder(localized, language);
            foreach (var job in LanguagePages(localized, views, searchIndexed))
            {
                jobs.Add(folder.Length == 0 ? job : job with { Path = folder + job.Path });
            }
        }

        return jobs;
    }

    /// <summary>One language's feed (fa/feed.xml for fa), or null when it could not be written.</summary>
    public static OutputFile? Feed(ResolvedSite site, string code, DiagnosticBag diagnostics)
    {
        var (localized, fallbacks) = LocalizedSite.For(site, code);
        return AtomFeed.Build(localized, diagnostics, FeedPath(site, code), fallbacks, site.Site.Language);
    }

    /// <summary>One language's feed as a page job: written into the page's buffer, or left empty with an error reported.</summary>
    private PageJob FeedJob(ResolvedSite site, string code) => new(FeedPath(site, code), writer =>
    {
        var (localized, fallbacks) = LocalizedSite.For(site, code);
        AtomFeed.Write(writer, localized, diagnostics, FeedPath(site, code), fallbacks, site.Site.Language);
    });

    public static string FeedPath(ResolvedSite site, string code) => (code == site.Site.Language ? "" : code + "/") + AtomFeed.FilePath;

    private List<PageJob> LanguagePages(ResolvedSite site, ViewBuilder views, bool searchIndexed)
    {
        var urls = views.Urls;
        var root = views.Language.RootUrls;
        var jobs = new List<PageJob>
        {
            new("index.html", w => Page(w, "index", views, views.Text("nav_timeline"), site.Site.Description, urls.Index, "index", new() { ["eras"] = views.EraSections(), ["overview"] = views.Overview() })),
            new("tags/index.html", w => Page(w, "tags", views, views.Text("title_tags"), views.Text("description_tags"), urls.Tags, "tags", new() { ["tags"] = views.TagIndex() })),
            new("sources/index.html", w => Page(w, "sources", views, views.Text("title_sources"), views.Text("description_sources"), urls.Sources, "sources", new() { ["sources"] = views.Sources() })),
            new("search/index.html", w => Page(w, "search", views, views.Text("title_search"), views.Text("description_search"), urls.Search, "search", new() { ["search"] = new SearchView(searchIndexed, root.SearchBundle, root.Asset("search.js"), root.Index) })),
        };

        // One 404 page, in the default language: a server shows it for every missing address, in any tree.
        if (views.Language.IsDefault)
        {
            var body = $"<p>{ThemeTemplates.Encoder.Encode(views.Text("not_found_body"))}</p>";
            jobs.Add(new("404.html", w => Page(w, "page", views, views.Text("title_not_found"), views.Text("description_not_found"), urls.Index + "404.html", "page", new() { ["content_page"] = new PageView("404", views.Text("title_not_found"), null, urls.Index + "404.html", body, []) })));
        }

        for (var i = 0; i < site.Events.Count; i++)
        {
            var index = i;
            var e = site.Events[i];
            jobs.Add(new($"events/{e.Id}/index.html", w =>
            {
                var view = views.Event(index);
                var share = ShareLinks.For(view.Title, view.Summary, views.AbsoluteUrl(view.Url), views.AbsoluteUrl(urls.Embed(view.Id)), urls.Embed(view.Id), views.Site.Title, root.Asset("share.js"));
                Page(w, "event", views, view.Title, view.Summary, view.Url, "event", new() { ["event"] = view, ["share"] = share }, EventImage(views, view));
            }));
            jobs.Add(new($"embed/events/{e.Id}/index.html", w => Embed(w, views, views.Event(index))));
            jobs.Add(new($"events/{e.Id}/cite.json", w => w.Write(views.Citation(e).CslJson())));
            jobs.Add(new($"events/{e.Id}/cite.bib", w => w.Write(views.Citation(e).BibTex())));
        }

        // The timeline as data for reuse (README.md, "Data for reuse"), in each language's words.
        jobs.Add(PageJob.Utf8("events.json", bytes => DataFiles.Events(site, urls, views.AbsoluteUrl, bytes)));
        jobs.Add(PageJob.Utf8("sources.json", bytes => DataFiles.Sources(site, urls, views.AbsoluteUrl, bytes)));

        foreach (var year in views.Years())
        {
            jobs.Add(new(year.Url[urls.Index.Length..] + "index.html", w => Page(w, "year", views, year.Title, views.Text("description_year", ("year", year.Title)), year.Url, "year", new() { ["year"] = year })));
        }

        foreach (var tag in views.Tags())
        {
            jobs.Add(new(tag.Url[urls.Index.Length..] + "index.html", w => Page(w, "tag", views, views.Text("title_tag", ("tag", tag.Title)), views.Text("description_tag", ("tag", tag.Title)), tag.Url, "tag", new() { ["tag"] = tag })));
        }

        foreach (var entity in views.Entities())
        {
            jobs.Add(new(entity.Url[urls.Index.Length..] + "index.html", w => Page(w, "entity", views, entity.Name, views.Text("description_entity", ("name", entity.Name)), entity.Url, "entity", new() { ["entity"] = entity })));
        }

        foreach (var (_, index) in views.EntityIndexes())
        {
            jobs.Add(new(index.Url[urls.Index.Length..] + "index.html", w => Page(w, "entities", views, index.Title, views.Text("description_entities", ("title", index.Title)), index.Url, "entities", new() { ["index"] = index })));
        }

        foreach (var page in views.Pages())
        {
            jobs.Add(new($"{page.Id}/index.html", w => Page(w, "page", views, page.Title, page.Summary ?? site.Site.Description, page.Url, "page", new() { ["content_page"] = page })));
        }

        return jobs;
    }

    private void Page(StringWriter writer, string template, ViewBuilder views, string title, string description, string url, string kind, Dictionary<string, object?> values, ImageView? image = null)
    {
        var meta = Meta(views, title, description, url, views.AbsoluteUrl(url), kind, image);
        values["site"] = views.Site;
        values["page"] = meta;
        var layout = new Dictionary<string, object?> { ["site"] = views.Site, ["page"] = meta };
        Render(writer, template, url, w => theme.RenderInLayout(w, template, values, layout, views.Language.Code));
    }

    /// <summary>An event's card for other sites' frames: a whole document of its own, with no layout and no site navigation.</summary>
    private void Embed(StringWriter writer, ViewBuilder views, EventView view)
    {
        var url = views.Urls.Embed(view.Id);
        var meta = Meta(views, view.Title, view.Summary, url, views.AbsoluteUrl(view.Url), "embed", EventImage(views, view));
        var values = new Dictionary<string, object?> { ["site"] = views.Site, ["page"] = meta, ["event"] = view };
        Render(writer, "embed", url, w => theme.RenderTo(w, "embed", values, views.Language.Code));
    }

    private static PageMeta Meta(ViewBuilder views, string title, string description, string url, string canonical, string kind, ImageView? image)
    {
        var language = views.Language;
        var alternates = new List<AlternateView>();
        var others = new List<AlternateView>();

        // The 404 page has one copy, and a site in one language has no other to point at.
        if (language.AllCodes.Count > 1 && kind != "embed" && url != views.Urls.Index + "404.html")
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
            ShareLinks.Locale(views.Site.Language),
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

    private void Render(StringWriter writer, string template, string url, Action<StringWriter> render)
    {
        var text = writer.GetStringBuilder();
        var start = text.Length;
        try
        {
            render(writer);
        }
        catch (Exception ex)
        {
            // A theme is code written by the site's author: any failure is theirs to fix, and is reported, not thrown.
            // What the page had written before it failed is taken back: a failed page is empty.
            text.Length = start;
            var where = Path.Combine(theme.Folder, "templates", template + ".liquid");
            diagnostics.Error(where, SourcePosition.File, ErrorMessages.TemplateRender(url, ex.Message));
        }
    }

    /// <summary>The theme's assets/, copied to /assets/.</summary>
    public IEnumerable<OutputFile> Assets()
    {
        var folder = Path.Combine(theme.Folder, "assets");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => new OutputFile("assets/" + Path.GetRelativePath(folder, path).Replace('\\', '/'), File.ReadAllBytes(path)));
    }
}

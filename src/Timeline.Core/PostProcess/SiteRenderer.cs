using Timeline.Diagnostics;
using Timeline.Model;
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
    /// Renders every page and gathers the assets. With <paramref name="rendered"/>, each page is handed to it as soon
    /// as it is made and is not kept, so a large site never sits in memory whole; the list returned then holds the rest.
    /// </summary>
    public IReadOnlyList<OutputFile> Render(ResolvedSite site, Action<OutputFile>? rendered = null)
    {
        var views = new ViewBuilder(site);
        var urls = views.Urls;
        var jobs = new List<(string Path, Func<string> Render)>
        {
            ("index.html", () => Page("index", views, "Timeline", site.Site.Description, urls.Index, "index", new() { ["eras"] = views.EraSections() })),
            ("tags/index.html", () => Page("tags", views, "Tags", "Every tag of the timeline.", urls.Tags, "tags", new() { ["tags"] = views.TagIndex() })),
            ("sources/index.html", () => Page("sources", views, "Sources", "Every source the timeline cites, and the events that cite it.", urls.Sources, "sources", new() { ["sources"] = views.Sources() })),
            ("404.html", () => Page("page", views, "Page not found", "This page does not exist.", urls.Index + "404.html", "page", new() { ["content_page"] = new PageView("404", "Page not found", null, urls.Index + "404.html", "<p>There is no page at this address. Start again from the timeline.</p>", []) })),
        };

        for (var i = 0; i < site.Events.Count; i++)
        {
            var index = i;
            var e = site.Events[i];
            jobs.Add(($"events/{e.Id}/index.html", () =>
            {
                var view = views.Event(index);
                return Page("event", views, view.Title, view.Summary, view.Url, "event", new() { ["event"] = view });
            }));
        }

        foreach (var year in views.Years())
        {
            jobs.Add(($"years/{year.Title}/index.html", () => Page("year", views, year.Title, $"Events of {year.Title}.", year.Url, "year", new() { ["year"] = year })));
        }

        foreach (var tag in views.Tags())
        {
            jobs.Add(($"tags/{tag.Title}/index.html", () => Page("tag", views, $"Tag: {tag.Title}", $"Events tagged {tag.Title}.", tag.Url, "tag", new() { ["tag"] = tag })));
        }

        foreach (var entity in views.Entities())
        {
            jobs.Add((entity.Url[urls.Index.Length..] + "index.html", () => Page("entity", views, entity.Name, $"Events involving {entity.Name}.", entity.Url, "entity", new() { ["entity"] = entity })));
        }

        foreach (var (_, index) in views.EntityIndexes())
        {
            jobs.Add((index.Url[urls.Index.Length..] + "index.html", () => Page("entities", views, index.Title, $"{index.Title} in the timeline.", index.Url, "entities", new() { ["index"] = index })));
        }

        foreach (var page in views.Pages())
        {
            jobs.Add(($"{page.Id}/index.html", () => Page("page", views, page.Title, page.Summary ?? site.Site.Description, page.Url, "page", new() { ["content_page"] = page })));
        }

        var files = new OutputFile?[jobs.Count];
        Parallel.For(0, jobs.Count, i =>
        {
            var file = OutputFile.Html(jobs[i].Path, jobs[i].Render());
            if (rendered is null)
            {
                files[i] = file;
            }
            else
            {
                rendered(file);
            }
        });
        return files.OfType<OutputFile>().Concat(Assets()).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    private string Page(string template, ViewBuilder views, string title, string description, string url, string kind, Dictionary<string, object?> values)
    {
        var meta = new PageMeta(title, description, url, AbsoluteUrl(views, url), kind);
        values["site"] = views.Site;
        values["page"] = meta;
        try
        {
            var content = theme.Render(template, values);
            return theme.Render("layout", new Dictionary<string, object?> { ["site"] = views.Site, ["page"] = meta, ["content"] = content });
        }
        catch (Exception ex)
        {
            // A theme is code written by the site's author: any failure is theirs to fix, and is reported, not thrown.
            var where = Path.Combine(theme.Folder, "templates", template + ".liquid");
            diagnostics.Error(where, SourcePosition.File, ErrorMessages.TemplateRender(url, ex.Message));
            return "";
        }
    }

    /// <summary>The full address of a site path such as "/memorial/events/x/" (paths already hold the base path).</summary>
    private static string AbsoluteUrl(ViewBuilder views, string sitePath) =>
        new Uri(new Uri(views.Site.BaseUrl), sitePath).ToString();

    private IEnumerable<OutputFile> Assets()
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

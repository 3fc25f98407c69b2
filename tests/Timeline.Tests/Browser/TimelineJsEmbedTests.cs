using System.Text.Json;

namespace Timeline.Tests.Browser;

/// <summary>
/// The site's /timelinejs.json shown by Knight Lab's TimelineJS (npm @knight-lab/timelinejs), as an educator would
/// embed it: a page on another site (a second server, another origin) loads TimelineJS's own script and stylesheets
/// and points it at the published file, which it may read across origins only by netlify.toml's header for it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TimelineJsEmbedTests
{
    private readonly BrowserSite _site;

    public TimelineJsEmbedTests(BrowserSite site)
    {
        _site = site;
    }

    [Theory]
    [InlineData("", "en")]
    [InlineData("/fa", "fa")]
    public async Task TimelineJs_draws_a_slide_for_every_event_of_the_published_file(string tree, string language)
    {
        Prerequisites.RequireTimelineJs();
        var data = tree + "/timelinejs.json";
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(_site.Output.Output, data.TrimStart('/'))));
        var events = file.RootElement.GetProperty("events").EnumerateArray()
            .Select(e => (Id: e.GetProperty("unique_id").GetString()!, Headline: e.GetProperty("text").GetProperty("headline").GetString()!))
            .ToList();
        var eventPages = Directory.GetDirectories(Path.Combine(_site.Output.Output, tree.TrimStart('/'), "events")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(eventPages, events.Select(e => e.Id).Order(StringComparer.Ordinal));

        // The embedding page and TimelineJS's files, served from elsewhere; script_path says where its language files are.
        // font: false, as TimelineJS's default fonts come from Google's servers, which the tests do not reach.
        var folder = Support.TestSite.NewFolder();
        Support.TestSite.CopyFolder(Prerequisites.TimelineJs, Path.Combine(folder, "timelinejs"));
        File.WriteAllText(Path.Combine(folder, "index.html"), $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>A class on the timeline</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="/timelinejs/css/timeline.css">
            <script src="/timelinejs/js/timeline.js"></script>
            </head>
            <body>
            <div id="timeline-embed" style="width: 100%; height: 600px"></div>
            <script>
              window.timelineReady = false;
              window.timeline = new TL.Timeline('timeline-embed', '{{_site.Site.Url(data)}}', { language: '{{language}}', font: false, script_path: location.origin + '/timelinejs/js/' });
              window.timeline.on('ready', () => { window.timelineReady = true; });
            </script>
            </body></html>
            """);
        await using var other = new StaticSiteServer(folder, null);
        Assert.NotEqual(_site.Site.Origin, other.Origin);

        await using var watched = await _site.NewPageAsync();
        var published = watched.Page.WaitForResponseAsync(_site.Site.Url(data));
        await watched.GotoAsync(other.Url("/"));
        Assert.Equal(200, (await published).Status);
        try
        {
            await watched.Page.WaitForFunctionAsync("() => window.timelineReady");
        }
        catch (TimeoutException)
        {
            var message = await watched.Page.Locator("#timeline-embed").InnerTextAsync();
            Assert.Fail($"TimelineJS did not get ready; it shows \"{message.Trim()}\". The browser reported:\n" + string.Join('\n', watched.Problems));
        }

        // One slide per event, each with the event's id, and the title slide first.
        var slides = watched.Page.Locator(".tl-storyslider .tl-slide");
        Assert.Equal(events.Count + 1, await slides.CountAsync());
        Assert.Equal(1, await watched.Page.Locator(".tl-slide-titleslide").CountAsync());
        var ids = await watched.Page.Locator(".tl-storyslider .tl-slide:not(.tl-slide-titleslide)").EvaluateAllAsync<string[]>("slides => slides.map(s => s.id)");
        Assert.Equal(events.Select(e => e.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));

        // A headline as TimelineJS sets it, from the file's (HTML) text.
        var (id, headline) = events[^1];
        var shown = await watched.Page.Locator($"[id='{id}'] .tl-headline").First.EvaluateAsync<string>("h => h.innerHTML");
        Assert.Equal(headline, shown.Trim());
        Assert.Equal(events.Count, await watched.Page.Locator(".tl-timemarker").CountAsync());

        watched.AssertNoProblems();
    }

}

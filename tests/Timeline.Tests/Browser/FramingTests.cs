namespace Timeline.Tests.Browser;

/// <summary>
/// Served with the headers of netlify.toml, an event's embed card loads in a frame on another site (another origin:
/// a second server on another port), and the event's own page is refused there.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FramingTests
{
    private const string EventPath = "/events/1988-08-15-montazeri-meeting/";
    private const string EmbedPath = "/embed/events/1988-08-15-montazeri-meeting/";

    private readonly BrowserSite _site;

    public FramingTests(BrowserSite site)
    {
        _site = site;
    }

    [Fact]
    public async Task Another_site_can_frame_an_embed_card_but_not_an_event_page()
    {
        var folder = Support.TestSite.NewFolder();
        File.WriteAllText(Path.Combine(folder, "index.html"), $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Another site</title></head>
            <body>
            <iframe name="card" src="{_site.Site.Url(EmbedPath)}" title="Card"></iframe>
            <iframe name="page" src="{_site.Site.Url(EventPath)}" title="Page"></iframe>
            </body></html>
            """);
        await using var other = new StaticSiteServer(folder, null);
        Assert.NotEqual(_site.Site.Origin, other.Origin);

        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(other.Url("/"));
        var card = watched.Page.Frame("card") ?? throw new InvalidOperationException("No frame named card.");
        var page = watched.Page.Frame("page") ?? throw new InvalidOperationException("No frame named page.");
        await card.WaitForSelectorAsync("h1");

        Assert.Equal(_site.Site.Url(EmbedPath), card.Url);
        Assert.Equal("Montazeri meets the Tehran death commission", (await card.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal("_top", await card.Locator("h1 a").GetAttributeAsync("target"));
        Assert.NotEqual(_site.Site.Url(EventPath), page.Url);
        Assert.StartsWith("chrome-error:", page.Url, StringComparison.Ordinal);
        Assert.Contains(watched.Problems, p => p.Contains("frame-ancestors", StringComparison.Ordinal) || p.Contains("X-Frame-Options", StringComparison.Ordinal));
    }
}

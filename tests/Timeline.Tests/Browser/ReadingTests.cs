using Microsoft.Playwright;

namespace Timeline.Tests.Browser;

/// <summary>
/// What a reader of the shipped site does most, in Chromium: English pages load no font file (their Solar Hijri dates
/// are in Latin letters), an event's previous, year and next links sit near its top with targets of at least 24 by 24
/// px, and a long list of connected events opens from its disclosure.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReadingTests
{
    private const string ManyNotes = "/events/1988-death-toll/";

    private readonly BrowserSite _site;

    public ReadingTests(BrowserSite site)
    {
        _site = site;
    }

    [Theory]
    [InlineData("/")]
    [InlineData(ManyNotes)]
    [InlineData("/years/1988/")]
    [InlineData("/events/1988-07-secret-executions/")]
    public async Task English_pages_request_no_font_file(string path)
    {
        await using var watched = await _site.NewPageAsync(width: 390, height: 844);
        var fonts = new List<string>();
        watched.Page.Request += (_, request) =>
        {
            if (request.ResourceType == "font" || request.Url.EndsWith(".woff2", StringComparison.Ordinal))
            {
                fonts.Add(request.Url);
            }
        };

        await watched.GotoAsync(_site.Site.Url(path));
        await watched.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(fonts);
        Assert.Contains("SH", await watched.Page.InnerTextAsync("main"), StringComparison.Ordinal);
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task Persian_pages_still_load_their_font()
    {
        await using var watched = await _site.NewPageAsync();
        var fonts = new List<string>();
        watched.Page.Request += (_, request) =>
        {
            if (request.ResourceType == "font")
            {
                fonts.Add(request.Url);
            }
        };

        await watched.GotoAsync(_site.Site.Url("/fa" + ManyNotes));
        await watched.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Contains(fonts, url => url.EndsWith("vazirmatn-regular.woff2", StringComparison.Ordinal));
        watched.AssertNoProblems();
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1366)]
    public async Task Previous_year_and_next_are_above_the_text_and_at_least_24_px_square(int width)
    {
        await using var watched = await _site.NewPageAsync(width: width, height: 800);
        await watched.GotoAsync(_site.Site.Url("/events/1988-07-secret-executions/"));
        var page = watched.Page;

        var links = await page.QuerySelectorAllAsync(".event-nav a");
        Assert.Equal(3, links.Count);
        var body = await (await page.QuerySelectorAsync(".event-body"))!.BoundingBoxAsync();
        foreach (var link in links)
        {
            var box = (await link.BoundingBoxAsync())!;
            Assert.True(box.Width >= 24 && box.Height >= 24, $"{await link.InnerTextAsync()}: {box.Width} x {box.Height} px");
            Assert.True(box.Y + box.Height <= body!.Y, "The link is not above the event's text.");
            Assert.True(box.Y < 800, "The link is not on the first screen.");
        }

        // A screen reader hears where each goes, not only "Previous".
        Assert.StartsWith("Previous: ", await links[0].TextContentAsync(), StringComparison.Ordinal);
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task A_long_list_of_connected_events_shows_six_and_opens_the_rest_from_its_disclosure()
    {
        await using var watched = await _site.NewPageAsync(width: 390, height: 844);
        await watched.GotoAsync(_site.Site.Url("/events/1988-mass-graves/"));
        var page = watched.Page;

        var visible = page.Locator(".connected li:visible");
        Assert.Equal(6, await visible.CountAsync());
        await page.Locator(".connected-more summary").ClickAsync();
        Assert.Equal(7, await visible.CountAsync());
        watched.AssertNoProblems();
    }
}

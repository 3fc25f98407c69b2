using Microsoft.Playwright;

namespace Timeline.Tests.Browser;

/// <summary>The site needs no JavaScript: with it turned off, every page shows all its content.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NoJavaScriptTests
{
    private const string TextElements = "main :is(h1, h2, h3, h4, p, li, dt, dd, cite, time)";

    private readonly BrowserSite _site;

    public NoJavaScriptTests(BrowserSite site)
    {
        _site = site;
    }

    [Fact]
    public async Task The_index_shows_its_heading_and_every_event_without_javascript()
    {
        await using var watched = await _site.NewPageAsync(javaScript: false);
        await watched.GotoAsync(_site.Site.Url("/"));

        await AssertVisibleAsync(watched.Page, "main h1");
        var events = watched.Page.Locator("main ol.event-list > li");
        Assert.True(await events.CountAsync() >= 30, $"Only {await events.CountAsync()} events are listed.");
        await AssertEveryOneVisibleAsync(watched.Page, "main ol.event-list > li :is(.event-title a, .event-date, .event-summary)");
        await AssertEveryOneVisibleAsync(watched.Page, TextElements);
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task An_event_page_shows_its_text_and_notes_without_javascript()
    {
        await using var watched = await _site.NewPageAsync(javaScript: false);
        await watched.GotoAsync(_site.Site.Url("/events/1988-08-15-montazeri-meeting/"));

        await AssertVisibleAsync(watched.Page, "main h1");
        await AssertEveryOneVisibleAsync(watched.Page, "main .event-body p");
        await AssertEveryOneVisibleAsync(watched.Page, "main a[role=doc-noteref]");
        var notes = watched.Page.Locator("main [role=doc-endnotes] ol > li");
        Assert.True(await notes.CountAsync() >= 2, "The event has fewer than two notes.");
        await AssertEveryOneVisibleAsync(watched.Page, "main [role=doc-endnotes] ol > li");
        await AssertEveryOneVisibleAsync(watched.Page, TextElements + ":not(details:not([open]) *)");

        // The rest of a long list of connected events is behind a disclosure, which opens without JavaScript.
        var more = watched.Page.Locator("main details.connected-more");
        Assert.Equal(1, await more.CountAsync());
        await more.Locator("summary").ClickAsync();
        await AssertEveryOneVisibleAsync(watched.Page, TextElements);
        watched.AssertNoProblems();
    }

    private static async Task AssertVisibleAsync(IPage page, string selector)
    {
        var element = page.Locator(selector);
        Assert.True(await element.CountAsync() == 1, $"Expected one {selector}, found {await element.CountAsync()}.");
        Assert.True(await element.IsVisibleAsync(), $"{selector} is not visible.");
    }

    private static async Task AssertEveryOneVisibleAsync(IPage page, string selector)
    {
        var elements = await page.Locator(selector).AllAsync();
        Assert.NotEmpty(elements);
        var hidden = new List<string>();
        foreach (var element in elements)
        {
            if (!await element.IsVisibleAsync())
            {
                hidden.Add(await element.EvaluateAsync<string>("e => e.outerHTML.slice(0, 200)"));
            }
        }

        Assert.True(hidden.Count == 0, $"{hidden.Count} of {elements.Count} '{selector}' are not visible:\n" + string.Join('\n', hidden));
    }
}

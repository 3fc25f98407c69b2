using Microsoft.Playwright;
using Timeline.Tests.Support;

namespace Timeline.Tests.Browser;

/// <summary>
/// The print stylesheet, in Chromium with print media emulated: the index prints as a plain chronology, an event as its
/// text, notes and citation, with the addresses links hide written out. The test site (whose notes have an archived copy
/// and whose body links out) is served beside the shipped one, at the root of its own server.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PrintTests
{
    private const string Display = "selector => getComputedStyle(document.querySelector(selector)).display";
    private const string After = "selector => getComputedStyle(document.querySelector(selector), '::after').content";
    private static readonly string[] ScreenOnly = [".skip-link", ".site-nav", ".site-footer"];

    private readonly BrowserSite _site;

    public PrintTests(BrowserSite site)
    {
        _site = site;
    }

    [Fact]
    public async Task The_index_prints_the_chronology_without_navigation_or_footer()
    {
        await using var watched = await _site.NewPageAsync(javaScript: true);
        await watched.GotoAsync(_site.Site.Url("/"));
        var page = watched.Page;
        Assert.NotEqual("none", await page.EvaluateAsync<string>(Display, ".site-nav"));

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        foreach (var selector in ScreenOnly.Append(".year-nav"))
        {
            Assert.Equal("none", await page.EvaluateAsync<string>(Display, selector));
        }

        Assert.True(await page.Locator("main h1").IsVisibleAsync());
        var events = await page.Locator("main ol.event-list > li").AllAsync();
        Assert.True(events.Count >= 30, $"{events.Count} events print.");
        foreach (var item in events)
        {
            Assert.True(await item.IsVisibleAsync(), await item.InnerTextAsync());
        }

        watched.AssertNoProblems();
    }

    [Fact]
    public async Task An_event_prints_its_notes_with_the_sources_addresses_and_its_citation()
    {
        await using var watched = await _site.NewPageAsync(javaScript: true);
        await watched.GotoAsync(_site.Site.Url("/events/1988-07-19-death-commissions-formed/"));
        var page = watched.Page;
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        foreach (var selector in ScreenOnly.Concat([".prev-next", ".cite-downloads", ".backrefs"]))
        {
            Assert.Equal("none", await page.EvaluateAsync<string>(Display, selector));
        }

        var link = page.Locator(".notes a.source-link").First;
        Assert.True(await link.IsVisibleAsync());
        Assert.Equal(await link.GetAttributeAsync("href"), await link.InnerTextAsync());
        Assert.Equal("none", await page.EvaluateAsync<string>(After, ".notes a.source-link"));
        foreach (var style in new[] { "apa", "mla", "chicago" })
        {
            Assert.True(await page.Locator($"#cite-{style}").IsVisibleAsync());
        }

        watched.AssertNoProblems();
    }

    [Fact]
    public async Task Links_that_hide_their_address_print_it_after_them()
    {
        using var test = TestSite.Build("valid/basic", "https://example.org/");
        test.AssertSucceeded();
        await using var server = new StaticSiteServer(test.Output, _site.Headers);
        await using var watched = await _site.NewPageAsync(javaScript: true);

        await watched.GotoAsync(server.Url("/events/first-event/"));
        var page = watched.Page;
        const string archived = ".notes a[href=\"https://archive.example.org/report-a\"]";
        Assert.Equal("none", await page.EvaluateAsync<string>(After, archived));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.Equal("\" (https://archive.example.org/report-a)\"", await page.EvaluateAsync<string>(After, archived));
        Assert.Equal("none", await page.EvaluateAsync<string>(After, ".notes a.source-link"));
        Assert.Equal("none", await page.EvaluateAsync<string>(Display, ".site-nav"));

        await watched.GotoAsync(server.Url("/events/circa-month-range/"));
        Assert.Equal("\" (https://example.org/report-a)\"", await page.EvaluateAsync<string>(After, ".event-body a"));
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task The_json_ld_data_block_is_read_by_the_browser_without_a_csp_violation()
    {
        await using var watched = await _site.NewPageAsync(javaScript: true);
        var response = await watched.GotoAsync(_site.Site.Url("/events/1988-07-19-death-commissions-formed/"));
        Assert.Equal(NetlifyHeaders.For(_site.Headers, "/events/1988-07-19-death-commissions-formed/", HeaderMerge.Combine)["Content-Security-Policy"], await response.HeaderValueAsync("content-security-policy"));

        var type = await watched.Page.EvaluateAsync<string>("() => JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)['@type']");

        Assert.Equal("WebPage", type);
        watched.AssertNoProblems();
    }
}

using Microsoft.Playwright;
using Timeline.Tests.Support;

namespace Timeline.Tests.Browser;

/// <summary>
/// The search page of the shipped site, in Chromium under the published CSP: Pagefind's index answers queries for
/// names, places, people and words of the body, the results are an accessible list, and without JavaScript the page
/// says search needs it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchTests
{
    private const string AudioEvent = "/events/2016-08-09-montazeri-audio-released/";

    private readonly BrowserSite _site;

    public SearchTests(BrowserSite site)
    {
        _site = site;
    }

    [Fact]
    public async Task Searching_montazeri_finds_the_2016_audio_recording_with_its_title_date_and_highlighted_excerpt()
    {
        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(_site.Site.Url("/search/"));

        var input = watched.Page.GetByLabel("Search the timeline");
        await input.FillAsync("Montazeri");
        await input.PressAsync("Enter");

        var result = watched.Page.Locator($"main ol.search-results > li:has(h2 > a[href='{AudioEvent}'])");
        await result.WaitForAsync();
        Assert.Equal("Audio recording of the 1988 meeting released", (await result.Locator("h2 > a").InnerTextAsync()).Trim());
        Assert.Contains("9 August 2016", await result.Locator(".search-about").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await result.Locator(".search-excerpt mark").CountAsync() > 0, "The excerpt highlights no word.");

        var status = await watched.Page.Locator("main [role=status]").InnerTextAsync();
        var shown = await watched.Page.Locator("main ol.search-results > li").CountAsync();
        Assert.Matches(@"^\d+ results for “Montazeri”\.$", status);
        Assert.StartsWith(shown.ToString(System.Globalization.CultureInfo.InvariantCulture) + " results", status, StringComparison.Ordinal);
        Assert.EndsWith("/search/?q=Montazeri", watched.Page.Url, StringComparison.Ordinal);
        watched.AssertNoProblems();
    }

    /// <summary>Each query finds an event through a different part of its page.</summary>
    [Theory]
    [InlineData("Pourmohammadi", "/events/2016-08-28-pourmohammadi-defends-executions/")]   // a person, in the title
    [InlineData("Mojahedin", "/events/2016-08-28-pourmohammadi-defends-executions/")]       // an organisation named only in "Who and where"
    [InlineData("Stockholm", "/events/2022-07-14-noury-verdict/")]                          // a place, in the body
    [InlineData("teenagers", AudioEvent)]                                                    // a word only in the body
    [InlineData("Special Clergy Court", "/events/2016-11-27-ahmad-montazeri-sentenced/")]   // several words
    public async Task A_query_in_the_address_finds_events_by_name_place_person_or_body_text(string query, string expected)
    {
        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(_site.Site.Url("/search/?q=" + Uri.EscapeDataString(query)));

        await watched.Page.Locator($"main ol.search-results a[href='{expected}']").WaitForAsync();
        Assert.Equal(query, await watched.Page.GetByLabel("Search the timeline").InputValueAsync());
        watched.AssertNoProblems();
    }

    /// <summary>
    /// The index is split into shards, merged in the browser: an event of every English and Persian shard is found by its
    /// title, on the search page of its language.
    /// </summary>
    [Fact]
    public async Task An_event_of_every_shard_is_found_by_its_title()
    {
        var output = _site.Output.Output;
        var pages = Directory.EnumerateFiles(output, "index.html", SearchOption.AllDirectories)
            .Select(f => Timeline.Output.Search.SearchPage.Read(Path.GetRelativePath(output, f).Replace('\\', '/'), File.ReadAllBytes(f)));
        var shards = Timeline.Output.Search.SearchShards.Plan(pages);
        Assert.True(shards.Count(s => s.Language == "en") > 1, "The shipped site has one shard: nothing is merged.");
        foreach (var shard in shards)
        {
            var page = shard.Pages.First(p => p.Path.Contains("events/", StringComparison.Ordinal)).Path;
            var title = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Path.Combine(output, page)), "<h1[^>]*>(.*?)</h1>").Groups[1].Value);
            var prefix = shard.Language == "en" ? "" : "/" + shard.Language;
            await using var watched = await _site.NewPageAsync();
            await watched.GotoAsync(_site.Site.Url($"{prefix}/search/?q=" + Uri.EscapeDataString(title)));
            var href = "/" + page[..^"index.html".Length];
            await watched.Page.Locator($"main ol.search-results a[href='{href}']").WaitForAsync(new() { Timeout = 10_000 });
            watched.AssertNoProblems();
        }
    }

    [Fact]
    public async Task Only_events_entities_pages_and_sources_are_found_never_lists_or_the_search_page()
    {
        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(_site.Site.Url("/search/?q=1988"));
        await watched.Page.Locator("main ol.search-results > li").First.WaitForAsync();

        var hrefs = await watched.Page.Locator("main ol.search-results h2 > a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, href => Assert.Matches("^/(events|people|organisations|places|sources)/[a-z0-9-]+/$|^/(about|in-memoriam)/$", href));
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task A_search_with_no_match_says_so_and_lists_nothing()
    {
        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(_site.Site.Url("/search/?q=zzxqvw"));

        var status = watched.Page.Locator("main [role=status]");
        await status.Filter(new LocatorFilterOptions { HasText = "No results" }).WaitForAsync();
        Assert.Equal("No results for “zzxqvw”.", (await status.InnerTextAsync()).Trim());
        Assert.False(await watched.Page.Locator("main ol.search-results").IsVisibleAsync());
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task Without_javascript_the_search_page_says_search_needs_it_and_links_to_the_timeline()
    {
        await using var watched = await _site.NewPageAsync(javaScript: false);
        await watched.GotoAsync(_site.Site.Url("/search/"));

        var message = watched.Page.Locator("main .search-nojs");
        Assert.True(await message.IsVisibleAsync());
        Assert.Contains("Search needs JavaScript", await message.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await message.Locator("a[href='/']").CountAsync());
        Assert.False(await watched.Page.Locator("main form").IsVisibleAsync(), "A search form that cannot work is shown.");
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task The_site_navigation_links_to_the_search_page()
    {
        await using var watched = await _site.NewPageAsync(javaScript: false);
        await watched.GotoAsync(_site.Site.Url("/"));

        await watched.Page.Locator("nav.site-nav a[href='/search/']").ClickAsync();
        Assert.EndsWith("/search/", watched.Page.Url, StringComparison.Ordinal);
    }

    /// <summary>Sites/valid/basic lives under /memorial/: the script, the index and the result links all follow the base path.</summary>
    [Fact]
    public async Task Search_works_on_a_site_under_a_base_path()
    {
        using var site = TestSite.Build("valid/basic");
        site.AssertSucceeded();
        var root = TestSite.NewFolder();
        TestSite.CopyFolder(site.Output, Path.Combine(root, "memorial"));
        await using var server = new StaticSiteServer(root, _site.Headers);
        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(server.Url("/memorial/search/?q=letter"));

        var link = watched.Page.Locator("main ol.search-results a[href='/memorial/events/letter-sent/']");
        await link.WaitForAsync();
        await link.ClickAsync();
        await watched.WaitForAddressAsync(server.Url("/memorial/events/letter-sent/"));
        await Assertions.Expect(watched.Page.Locator("main h1")).ToHaveTextAsync("The letter is sent");
        watched.AssertNoProblems();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task Axe_finds_no_wcag_violations_on_the_search_page_with_results()
    {
        Prerequisites.RequireAxe();
        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(_site.SiteWithoutCsp.Url("/search/?q=Montazeri"));
        await watched.Page.Locator($"main ol.search-results a[href='{AudioEvent}']").WaitForAsync();
        await watched.Page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Prerequisites.AxeScript });

        var violations = await watched.Page.EvaluateAsync<AccessibilityTests.Violation[]>(AccessibilityTests.RunAxe);

        Assert.True(violations.Length == 0, AccessibilityTests.Describe("/search/?q=Montazeri", violations));
        watched.AssertNoProblems();
    }
}

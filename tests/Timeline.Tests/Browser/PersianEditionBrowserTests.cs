using System.Text.Json;
using Microsoft.Playwright;

namespace Timeline.Tests.Browser;

/// <summary>
/// The Persian edition of the shipped site in Chromium: its pages lay out right to left in the Persian web font,
/// pass axe-core, switch language without leaving the event, and search only Persian pages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PersianEditionBrowserTests
{
    private const string Meeting = "1988-08-15-montazeri-meeting";
    private const string AudioEvent = "2016-08-09-montazeri-audio-released";

    /// <summary>
    /// How far the first and the last line of an element's text stay from the edges of its content box. A line is
    /// the union of the boxes that share its top (bidirectional text splits a line into several boxes). A paragraph
    /// that reads right to left has every line, the short last one included, flush with the right edge.
    /// </summary>
    private const string LineEdges = """
        element => {
          const range = document.createRange();
          range.selectNodeContents(element);
          const rects = [...range.getClientRects()].filter(r => r.width > 0);
          const box = element.getBoundingClientRect();
          const style = getComputedStyle(element);
          const left = box.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
          const right = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
          const line = top => {
            const parts = rects.filter(r => Math.abs(r.top - top) < 4);
            return { gapLeft: Math.min(...parts.map(r => r.left)) - left, gapRight: right - Math.max(...parts.map(r => r.right)) };
          };
          const first = line(Math.min(...rects.map(r => r.top)));
          const last = line(Math.max(...rects.map(r => r.top)));
          return { firstGapLeft: first.gapLeft, firstGapRight: first.gapRight, lastGapLeft: last.gapLeft, lastGapRight: last.gapRight, direction: style.direction };
        }
        """;

    private readonly BrowserSite _site;

    public PersianEditionBrowserTests(BrowserSite site)
    {
        _site = site;
    }

    public sealed class LineBox
    {
        public double FirstGapLeft { get; set; }

        public double FirstGapRight { get; set; }

        public double LastGapLeft { get; set; }

        public double LastGapRight { get; set; }

        public string Direction { get; set; } = "";
    }

    [Theory]
    [InlineData("/fa/")]
    [InlineData("/fa/events/" + Meeting + "/")]
    [InlineData("/fa/events/1989-03-montazeri-resignation/")]
    [InlineData("/fa/embed/events/" + Meeting + "/")]
    [InlineData("/fa/sources/")]
    [InlineData("/fa/sources/amnesty-blood-soaked-secrets/")]
    [InlineData("/fa/years/1988/")]
    [InlineData("/fa/tags/")]
    [InlineData("/fa/tags/death-commissions/")]
    [InlineData("/fa/people/")]
    [InlineData("/fa/people/ebrahim-raisi/")]
    [InlineData("/fa/about/")]
    [InlineData("/fa/in-memoriam/")]
    [InlineData("/fa/search/")]
    public async Task Axe_finds_no_wcag_violations_on_persian_pages(string path)
    {
        Prerequisites.RequireAxe();
        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(_site.SiteWithoutCsp.Url(path));
        await watched.Page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Prerequisites.AxeScript });

        var violations = await watched.Page.EvaluateAsync<AccessibilityTests.Violation[]>(AccessibilityTests.RunAxe);

        Assert.True(violations.Length == 0, AccessibilityTests.Describe(path, violations));
        watched.AssertNoProblems();
    }

    [Theory]
    [InlineData("/fa/")]
    [InlineData("/fa/events/" + Meeting + "/")]
    [InlineData("/fa/events/1988-death-toll/")]
    [InlineData("/fa/events/2023-12-noury-appeal-ruling/")]
    [InlineData("/fa/sources/")]
    [InlineData("/fa/sources/atalayar-un-investigation/")]
    [InlineData("/fa/years/1988/")]
    [InlineData("/fa/people/ebrahim-raisi/")]
    [InlineData("/fa/about/")]
    public async Task On_persian_pages_every_run_in_latin_letters_is_set_left_to_right(string path)
    {
        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(_site.Site.Url(path));

        // A text with a Latin letter (an acronym, an address, a case number, an English title, a citation's date) that
        // its element sets right to left has its brackets, slashes and digits put in the order of the Persian around it.
        var scrambled = await watched.Page.EvaluateAsync<string[]>("""
            () => {
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              const found = [];
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const element = node.parentElement;
                if (!/[A-Za-z]/.test(node.data) || element.closest('script, style, [hidden]')) continue;
                if (getComputedStyle(element).direction !== 'ltr') found.push(`${element.tagName.toLowerCase()}.${element.className}: ${node.data.trim().slice(0, 80)}`);
              }
              return found;
            }
            """);
        Assert.True(scrambled.Length == 0, $"{path}: set right to left:\n{string.Join("\n", scrambled)}");

        // The fields a campaigner copies from are written left to right.
        foreach (var field in await watched.Page.Locator(".share-field").AllAsync())
        {
            Assert.Equal("ltr", await field.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        }

        watched.AssertNoProblems();
    }

    [Fact]
    public async Task A_persian_event_page_lays_out_right_to_left_and_its_english_twin_left_to_right()
    {
        await using var watched = await _site.NewPageAsync();

        await watched.GotoAsync(_site.Site.Url($"/fa/events/{Meeting}/"));
        Assert.Equal("rtl", await watched.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).direction"));
        foreach (var selector in new[] { "main h1", "main .event-body p", "main .lead" })
        {
            var line = await LinesOf(watched.Page, selector);
            Assert.True(line.Direction == "rtl", $"{selector} on the Persian page has direction {line.Direction}.");
            Assert.True(Math.Abs(line.FirstGapRight) < 2, $"{selector}'s first line starts {line.FirstGapRight:0.#} px from the right edge.");
            Assert.True(Math.Abs(line.LastGapRight) < 2, $"{selector}'s last line starts {line.LastGapRight:0.#} px from the right edge.");
        }

        // The header's links run from right to left: the first is to the right of the second.
        var first = await watched.Page.Locator(".site-nav li").Nth(0).BoundingBoxAsync();
        var second = await watched.Page.Locator(".site-nav li").Nth(1).BoundingBoxAsync();
        Assert.True(first is not null && second is not null, "The site navigation has fewer than two visible links.");
        Assert.True(first.X > second.X, $"The first navigation link (x={first.X}) is left of the second (x={second.X}).");

        await watched.GotoAsync(_site.Site.Url($"/events/{Meeting}/"));
        var english = await LinesOf(watched.Page, "main .event-body p");
        Assert.Equal("ltr", english.Direction);
        Assert.True(Math.Abs(english.FirstGapLeft) < 2, $"The English body's first line starts {english.FirstGapLeft:0.#} px from the left edge.");
        Assert.True(Math.Abs(english.LastGapLeft) < 2, $"The English body's last line starts {english.LastGapLeft:0.#} px from the left edge.");
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task Persian_text_is_set_in_the_self_hosted_vazirmatn_font()
    {
        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(_site.Site.Url($"/fa/events/{Meeting}/"));

        var family = await watched.Page.Locator("main h1").EvaluateAsync<string>("e => getComputedStyle(e).fontFamily");
        Assert.StartsWith("Vazirmatn", family.Trim('"', '\''), StringComparison.Ordinal);
        var loaded = await watched.Page.EvaluateAsync<JsonElement>("""
            async () => {
              await document.fonts.ready;
              const title = document.querySelector('main h1');
              return { ready: document.fonts.check(`1em Vazirmatn`, title.textContent),
                       faces: [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replaceAll('"', '')) };
            }
            """);
        Assert.True(loaded.GetProperty("ready").GetBoolean(), "Vazirmatn is not loaded for the Persian title.");
        Assert.Contains("Vazirmatn", loaded.GetProperty("faces").EnumerateArray().Select(f => f.GetString()));
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task The_language_switch_keeps_the_reader_on_the_same_event_both_ways()
    {
        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(_site.Site.Url($"/events/{Meeting}/"));

        await watched.Page.Locator("body a[hreflang='fa']").First.ClickAsync();
        await watched.WaitForAddressAsync(_site.Site.Url($"/fa/events/{Meeting}/"));
        await Assertions.Expect(watched.Page.Locator("html")).ToHaveAttributeAsync("lang", "fa");
        await Assertions.Expect(watched.Page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");

        await watched.Page.Locator("body a[hreflang='en']").First.ClickAsync();
        // The exact address: a pattern such as **/events/x/ would also match the Persian page being left.
        await watched.WaitForAddressAsync(_site.Site.Url($"/events/{Meeting}/"));
        await Assertions.Expect(watched.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task Persian_search_finds_persian_pages_only()
    {
        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(_site.Site.Url("/fa/search/?q=" + Uri.EscapeDataString("منتظری")));

        await watched.Page.Locator($"main ol.search-results a[href='/fa/events/{AudioEvent}/']").WaitForAsync();
        var hrefs = await watched.Page.Locator("main ol.search-results h2 > a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, href => Assert.StartsWith("/fa/", href, StringComparison.Ordinal));
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task English_search_finds_english_pages_only()
    {
        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(_site.Site.Url("/search/?q=Montazeri"));

        await watched.Page.Locator($"main ol.search-results a[href='/events/{AudioEvent}/']").WaitForAsync();
        var hrefs = await watched.Page.Locator("main ol.search-results h2 > a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.All(hrefs, href => Assert.DoesNotContain("/fa/", href, StringComparison.Ordinal));
        watched.AssertNoProblems();
    }

    private static async Task<LineBox> LinesOf(IPage page, string selector) =>
        await page.Locator(selector).First.EvaluateAsync<LineBox>(LineEdges);
}

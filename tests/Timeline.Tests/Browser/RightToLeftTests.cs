using System.Text.Json;
using Microsoft.Playwright;
using Timeline.Languages;

namespace Timeline.Tests.Browser;

/// <summary>
/// One stylesheet for both directions: with dir="rtl" and lang="fa" on the page, the layout mirrors (skip link, header,
/// navigation, notes) and Persian text is set in the site's own Vazirmatn. A Persian page is simulated by setting both on
/// the shipped event page's &lt;html&gt;, so the test holds whatever the Persian pages' templates become.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RightToLeftTests
{
    private const string EventPage = "/events/1988-07-19-death-commissions-formed/";

    private const string MakePersian = "() => { document.documentElement.lang = 'fa'; document.documentElement.dir = 'rtl'; }";

    /// <summary>Where things sit, as distances in CSS pixels from the start and end edge of what holds them.</summary>
    private const string Layout = """
        () => {
          const rect = selector => document.querySelector(selector).getBoundingClientRect();
          const width = document.documentElement.clientWidth;
          const header = rect('.site-header'), title = rect('.site-title a');
          const nav = [...document.querySelectorAll('.site-nav li')].map(li => li.getBoundingClientRect());
          const note = document.querySelector('.notes li:has(.backrefs a)');
          const noteBox = note.getBoundingClientRect(), backref = note.querySelector('.backrefs').getBoundingClientRect();
          const skip = rect('.skip-link');
          const list = getComputedStyle(document.querySelector('.notes ol'));
          return {
            skipLeft: skip.left, skipRight: width - skip.right,
            titleLeft: title.left - header.left, titleRight: header.right - title.right,
            firstNavLeft: nav[0].left - header.left, firstNavRight: header.right - nav[0].right,
            secondNavLeft: nav[1].left - header.left, secondNavRight: header.right - nav[1].right,
            sameNavRow: Math.abs(nav[0].top - nav[1].top) < 1,
            backrefLeft: backref.left - noteBox.left, backrefRight: noteBox.right - backref.right,
            listPaddingLeft: parseFloat(list.paddingLeft), listPaddingRight: parseFloat(list.paddingRight),
            listStyle: list.listStyleType,
          };
        }
        """;

    private const string Fonts = """
        async () => {
          const sample = 'اعدام‌های ۱۳۶۷';
          await document.fonts.ready;
          const style = getComputedStyle(document.body);
          const paragraph = getComputedStyle(document.querySelector('main p'));
          return {
            family: style.fontFamily,
            lineHeight: parseFloat(paragraph.lineHeight) / parseFloat(paragraph.fontSize),
            regular: (await document.fonts.load('16px Vazirmatn', sample)).length > 0 && document.fonts.check('16px Vazirmatn', sample),
            bold: (await document.fonts.load('bold 16px Vazirmatn', sample)).length > 0 && document.fonts.check('bold 16px Vazirmatn', sample),
            loaded: [...document.fonts].filter(f => f.family.replace(/"/g, '') === 'Vazirmatn' && f.status === 'loaded').map(f => f.weight),
          };
        }
        """;

    private readonly BrowserSite _site;

    public RightToLeftTests(BrowserSite site)
    {
        _site = site;
    }

    public sealed class Placement
    {
        public double SkipLeft { get; set; }

        public double SkipRight { get; set; }

        public double TitleLeft { get; set; }

        public double TitleRight { get; set; }

        public double FirstNavLeft { get; set; }

        public double FirstNavRight { get; set; }

        public double SecondNavLeft { get; set; }

        public double SecondNavRight { get; set; }

        public bool SameNavRow { get; set; }

        public double BackrefLeft { get; set; }

        public double BackrefRight { get; set; }

        public double ListPaddingLeft { get; set; }

        public double ListPaddingRight { get; set; }

        public string ListStyle { get; set; } = "";
    }

    public sealed class FontUse
    {
        public string Family { get; set; } = "";

        public double LineHeight { get; set; }

        public bool Regular { get; set; }

        public bool Bold { get; set; }

        public string[] Loaded { get; set; } = [];
    }

    [Fact]
    public async Task A_right_to_left_page_mirrors_the_skip_link_header_navigation_and_notes()
    {
        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(_site.Site.Url(EventPage));
        var page = watched.Page;
        var ltr = await page.EvaluateAsync<Placement>(Layout);
        await page.EvaluateAsync(MakePersian);
        var rtl = await page.EvaluateAsync<Placement>(Layout);

        // Left to right, everything starts at the left edge; right to left, the same distances are kept from the right.
        Assert.InRange(ltr.SkipLeft, 0, 16);
        Assert.InRange(rtl.SkipRight, ltr.SkipLeft - 1, ltr.SkipLeft + 1);
        Assert.True(ltr.TitleLeft < ltr.TitleRight, $"LTR title {ltr.TitleLeft} from the left, {ltr.TitleRight} from the right");
        Assert.InRange(rtl.TitleRight, ltr.TitleLeft - 1, ltr.TitleLeft + 1);
        Assert.True(ltr.SameNavRow && rtl.SameNavRow, "The first two navigation links wrap onto two rows.");
        Assert.True(ltr.FirstNavLeft < ltr.SecondNavLeft, "LTR: the first navigation link is not left of the second.");
        Assert.True(rtl.FirstNavRight < rtl.SecondNavRight, "RTL: the first navigation link is not right of the second.");
        Assert.InRange(rtl.FirstNavRight, ltr.FirstNavLeft - 1, ltr.FirstNavLeft + 1);

        // A note starts with its backlinks, after the list's indent for the number, on the side the text starts.
        Assert.True(ltr.ListPaddingLeft > 0 && ltr.ListPaddingRight == 0, $"LTR list padding {ltr.ListPaddingLeft} left, {ltr.ListPaddingRight} right");
        Assert.Equal(ltr.ListPaddingLeft, rtl.ListPaddingRight);
        Assert.Equal(0, rtl.ListPaddingLeft);
        Assert.InRange(ltr.BackrefLeft, 0, 1);
        Assert.InRange(rtl.BackrefRight, 0, 1);
        Assert.True(rtl.BackrefLeft > rtl.BackrefRight, $"RTL backlink {rtl.BackrefLeft} from the left, {rtl.BackrefRight} from the right");
        Assert.Equal("decimal", ltr.ListStyle);
        Assert.Equal("persian", rtl.ListStyle);
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task Persian_text_is_set_in_the_sites_own_Vazirmatn_with_more_space_between_lines()
    {
        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(_site.Site.Url(EventPage));
        var page = watched.Page;
        var english = await page.EvaluateAsync<FontUse>(Fonts);
        await page.EvaluateAsync(MakePersian);
        var persian = await page.EvaluateAsync<FontUse>(Fonts);

        Assert.StartsWith("Georgia", english.Family, StringComparison.Ordinal);
        Assert.StartsWith("Vazirmatn", persian.Family, StringComparison.Ordinal);
        Assert.Contains("sans-serif", persian.Family, StringComparison.Ordinal);
        Assert.True(persian.LineHeight > english.LineHeight + 0.1, $"Persian lines {persian.LineHeight}, English {english.LineHeight}");
        Assert.True(persian.Regular, "Vazirmatn regular did not load.");
        Assert.True(persian.Bold, "Vazirmatn bold did not load.");
        Assert.Equal(["400", "700"], persian.Loaded.Order(StringComparer.Ordinal));

        // What Chromium actually draws a Persian page's title with: the web font, not a system font of the same name.
        // "font-display: optional": a page uses the font when it is there by its first paint, as it is once cached.
        await page.GotoAsync(_site.Site.Url("/fa" + EventPage));
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.ReloadAsync();
        var fonts = await PlatformFonts(page, "main h1");
        Assert.Contains(fonts, font => font.Family == "Vazirmatn" && !font.IsLocal);
        watched.AssertNoProblems();
    }

    /// <summary>
    /// Every language the generator knows to be written in the Arabic script gets the font and more space between
    /// lines, as Persian does, and its notes are numbered in the digits its text uses; Latin-script languages keep the
    /// theme's own families.
    /// </summary>
    [Theory]
    [InlineData("fa", "persian")]
    [InlineData("ar", "arabic-indic")]
    [InlineData("ur", null)]
    [InlineData("ps", null)]
    [InlineData("ckb", null)]
    [InlineData("sd", null)]
    [InlineData("ug", null)]
    [InlineData("de", "decimal")]
    [InlineData("he", "decimal")]
    public async Task Each_Arabic_script_language_is_set_in_Vazirmatn(string code, string? listStyle)
    {
        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(_site.Site.Url(EventPage));
        var page = watched.Page;
        var english = await page.EvaluateAsync<FontUse>(Fonts);
        var profile = LanguageProfile.For(code);
        await page.EvaluateAsync($"() => {{ document.documentElement.lang = '{code}'; document.documentElement.dir = '{profile.Direction}'; }}");
        var set = await page.EvaluateAsync<FontUse>(Fonts);
        var layout = await page.EvaluateAsync<Placement>(Layout);

        if (profile.Script == Script.Arabic)
        {
            Assert.StartsWith("Vazirmatn", set.Family, StringComparison.Ordinal);
            Assert.True(set.LineHeight > english.LineHeight + 0.1, $"{code} lines {set.LineHeight}, English {english.LineHeight}");
        }
        else
        {
            Assert.Equal(english.Family, set.Family);
        }

        if (listStyle is not null)
        {
            Assert.Equal(listStyle, layout.ListStyle);
        }

        watched.AssertNoProblems();
    }

    [Fact]
    public async Task Only_pages_with_Arabic_script_download_the_font()
    {
        var english = await FontRequests("<p>The death commissions were formed in July 1988.</p>");
        var persian = await FontRequests("<p>The death commissions were formed in <span lang=\"fa\" dir=\"rtl\">تیر ۱۳۶۷</span>.</p>");

        Assert.Empty(english);
        Assert.Equal(["/assets/fonts/vazirmatn-regular.woff2"], persian);
    }

    /// <summary>The font files a page asks for, the page being the given body served under the site's stylesheet.</summary>
    private async Task<IReadOnlyList<string>> FontRequests(string body)
    {
        await using var watched = await _site.NewPageAsync();
        var requests = new List<string>();
        watched.Page.Request += (_, request) =>
        {
            if (request.Url.EndsWith(".woff2", StringComparison.Ordinal))
            {
                requests.Add(new Uri(request.Url).AbsolutePath);
            }
        };
        var url = _site.Site.Url("/font-test/");
        await watched.Page.RouteAsync(url, route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html; charset=utf-8",
            Body = $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Font test</title><link rel=\"stylesheet\" href=\"/assets/style.css\"></head><body><main>{body}</main></body></html>",
        }));
        await watched.Page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await watched.Page.EvaluateAsync("() => document.fonts.ready");
        watched.AssertNoProblems();
        return requests;
    }

    private sealed record PlatformFont(string Family, bool IsLocal);

    /// <summary>The fonts Chromium used for an element's text, through the DevTools protocol.</summary>
    private static async Task<IReadOnlyList<PlatformFont>> PlatformFonts(IPage page, string selector)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        await session.SendAsync("DOM.enable");
        await session.SendAsync("CSS.enable");
        var document = await session.SendAsync("DOM.getDocument");
        var root = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32();
        var node = await session.SendAsync("DOM.querySelector", new Dictionary<string, object> { ["nodeId"] = root, ["selector"] = selector });
        var nodeId = node!.Value.GetProperty("nodeId").GetInt32();
        var fonts = await session.SendAsync("CSS.getPlatformFontsForNode", new Dictionary<string, object> { ["nodeId"] = nodeId });
        return fonts!.Value.GetProperty("fonts").EnumerateArray()
            .Select(font => new PlatformFont(font.GetProperty("familyName").GetString() ?? "", font.GetProperty("isCustomFont").GetBoolean() is false))
            .ToList();
    }
}

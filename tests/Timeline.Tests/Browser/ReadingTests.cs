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
        var fonts = FontRequests(watched.Page);

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
        var fonts = FontRequests(watched.Page);

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

    [Theory]
    [InlineData("/", ".year-nav", "#y2021")]
    [InlineData("/years/1988/", ".month-nav", "#y1988-08")]
    [InlineData("/fa/", ".year-nav", "#y2021")]
    public async Task On_a_phone_the_years_or_months_stay_at_hand_in_one_row_while_the_list_scrolls(string path, string nav, string target)
    {
        await using var watched = await _site.NewPageAsync(width: 390, height: 844);
        await watched.GotoAsync(_site.Site.Url(path));
        var page = watched.Page;

        await page.Locator(target).ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("() => window.scrollBy(0, 600)");
        var box = (await page.Locator(nav).BoundingBoxAsync())!;
        Assert.True(Math.Abs(box.Y) < 1, $"{nav} is at {box.Y} px, not at the top of the screen.");
        Assert.True(box.Height <= 48, $"{nav} takes {box.Height} px of the screen.");

        // One row: every link on the same line, the ones past the edge reached by scrolling the row, not the page.
        var tops = await page.EvaluateAsync<double[]>($"() => [...document.querySelectorAll('{nav} a')].map(a => a.getBoundingClientRect().top)");
        Assert.True(tops.Max() - tops.Min() < 1, $"{nav}'s links are on several rows.");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));

        // Following a link leaves its heading in view below the bar.
        await page.Locator($"{nav} a[href='{target}']").ClickAsync();
        var heading = (await page.Locator(target).BoundingBoxAsync())!;
        Assert.True(heading.Y >= box.Height - 1, $"{target} is hidden under {nav} ({heading.Y} px).");
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

    [Fact]
    public async Task On_a_phone_a_marker_opens_its_note_in_place_and_Escape_closes_it_and_gives_focus_back()
    {
        await using var watched = await _site.NewPageAsync(width: 390, height: 844);
        await watched.GotoAsync(_site.Site.Url(ManyNotes));
        var page = watched.Page;
        var marker = page.Locator(".event-body a[role='doc-noteref']").First;
        var target = (await marker.GetAttributeAsync("href"))!;
        var listed = await page.Locator($"li{target} .note-source").InnerTextAsync();

        await marker.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var popover = page.Locator(".note-popover");
        Assert.True(await popover.IsVisibleAsync(), "The note did not open.");
        Assert.Contains(listed.Trim(), await popover.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("", new Uri(page.Url).Fragment);
        var box = (await popover.BoundingBoxAsync())!;
        var place = (await marker.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"The note sits at {box.X}..{box.X + box.Width} px of 390.");
        Assert.True(Math.Abs(box.Y - (place.Y + place.Height)) < 40 || Math.Abs(box.Y + box.Height - place.Y) < 40, "The note does not open beside its marker.");

        await page.Keyboard.PressAsync("Escape");
        Assert.False(await popover.IsVisibleAsync(), "Escape did not close the note.");
        Assert.Equal(target, await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task On_a_wide_screen_each_note_stands_in_the_margin_beside_its_marker_without_overlapping()
    {
        await using var watched = await _site.NewPageAsync(width: 1366, height: 900);
        await watched.GotoAsync(_site.Site.Url(ManyNotes));
        var page = watched.Page;
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var body = (await page.Locator(".event-body").BoundingBoxAsync())!;
        var notes = await page.Locator(".sidenote").AllAsync();
        Assert.True(notes.Count >= 5, $"{notes.Count} notes in the margin");
        var bottom = 0.0;
        foreach (var note in notes)
        {
            var box = (await note.BoundingBoxAsync())!;
            var hash = (await note.GetAttributeAsync("data-note"))!;
            var marker = (await page.Locator($".event-body a[href='{hash}']").First.BoundingBoxAsync())!;
            Assert.True(box.X >= body.X + body.Width, "A note is not in the margin.");
            Assert.True(box.X + box.Width <= 1366, "A note runs off the screen.");
            Assert.True(box.Y >= marker.Y - 2, "A note stands above its marker.");
            Assert.True(box.Y >= bottom - 1, "Two notes overlap.");
            bottom = box.Y + box.Height;
        }

        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        watched.AssertNoProblems();
    }

    [Theory]
    [InlineData("")]
    [InlineData("/fa")]
    public async Task On_a_desktop_the_header_is_one_row_and_the_text_and_its_notes_use_the_width(string tree)
    {
        await using var watched = await _site.NewPageAsync(width: 1366, height: 900);
        await watched.GotoAsync(_site.Site.Url(tree + ManyNotes));
        var page = watched.Page;

        // Every navigation link on one row, beside the site's name, within the screen.
        var rows = await page.EvaluateAsync<double[]>("""
            () => [...document.querySelectorAll('.site-nav a, .language-switch a, .site-title a')]
              .map(a => { const r = a.getBoundingClientRect(); return [r.top + r.height / 2, r.left, r.right]; }).flat()
            """);
        var middles = rows.Where((_, i) => i % 3 == 0).ToArray();
        Assert.True(middles.Max() - middles.Min() < 12, $"The header's links are on several rows (middles {string.Join(", ", middles)}).");
        Assert.True(rows.Where((_, i) => i % 3 != 0).All(x => x >= 0 && x <= 1366), "A header link is off the screen.");

        // The text keeps its measure (about 42rem) and, with the margin for its notes, takes most of the screen.
        var text = (await page.Locator(".event-body").BoundingBoxAsync())!;
        Assert.InRange(text.Width, 640, 700);
        var notes = (await page.Locator(".sidenote").First.BoundingBoxAsync())!;
        var span = Math.Max(text.X + text.Width, notes.X + notes.Width) - Math.Min(text.X, notes.X);
        Assert.True(span >= 0.65 * 1366, $"Text and notes span {span} of 1366 px.");
        watched.AssertNoProblems();
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1366)]
    public async Task Note_markers_and_backlinks_are_targets_of_at_least_24_px(int width)
    {
        await using var watched = await _site.NewPageAsync(width: width, height: 900);
        await watched.GotoAsync(_site.Site.Url(ManyNotes));

        var small = await watched.Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('a[role="doc-noteref"], a[role="doc-backlink"]')]
              .map(a => [a, a.getBoundingClientRect()])
              .filter(([, r]) => r.width < 24 || r.height < 24)
              .map(([a, r]) => `${a.getAttribute('href')}: ${r.width} x ${r.height}`)
            """);
        Assert.Empty(small);
        watched.AssertNoProblems();
    }

    [Theory]
    [InlineData("/", 390)]
    [InlineData("/", 1366)]
    [InlineData(ManyNotes, 390)]
    [InlineData(ManyNotes, 1366)]
    [InlineData("/years/1988/", 390)]
    [InlineData("/years/1988/", 1366)]
    [InlineData("/fa/", 390)]
    [InlineData("/fa/", 1366)]
    public async Task Nothing_shifts_while_the_page_loads_and_a_screenshot_is_kept(string path, int width)
    {
        await using var watched = await _site.NewPageAsync(width: width, height: 900);
        await watched.Page.AddInitScriptAsync("""
            window.__shifts = [];
            window.__moved = [];
            new PerformanceObserver(list => {
              for (const entry of list.getEntries()) {
                if (entry.hadRecentInput) continue;
                window.__shifts.push(entry.value);
                for (const source of entry.sources || []) {
                  const node = source.node;
                  window.__moved.push(node ? `${node.nodeName.toLowerCase()}.${node.className || ''} ${JSON.stringify(source.previousRect)} -> ${JSON.stringify(source.currentRect)}` : '?');
                }
              }
            }).observe({ type: 'layout-shift', buffered: true });
            """);
        await watched.GotoAsync(_site.Site.Url(path));
        await watched.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await watched.Page.WaitForTimeoutAsync(300);

        var shifts = await watched.Page.EvaluateAsync<double[]>("() => window.__shifts");
        var moved = await watched.Page.EvaluateAsync<string[]>("() => window.__moved");
        Assert.True(shifts.Sum() == 0, $"Layout shift {shifts.Sum():0.####} on {path} at {width} px; moved: {string.Join("; ", moved)}");
        await Screenshot(watched.Page, path, width);
        watched.AssertNoProblems();
    }

    [Theory]
    [InlineData(390, true)]
    [InlineData(1366, true)]
    [InlineData(390, false)]
    [InlineData(1366, false)]
    public async Task The_embed_card_fits_a_host_page_of_another_site_with_no_empty_space(int width, bool withScript)
    {
        await using var watched = await _site.NewPageAsync(width: width, height: 900);
        await watched.GotoAsync(_site.Site.Url(ManyNotes));
        var snippet = await watched.Page.Locator("#embed-code").InputValueAsync();
        var published = System.Text.RegularExpressions.Regex.Match(snippet, "src=\"(https?://[^/\"]+)/").Groups[1].Value;
        snippet = snippet.Replace(published + "/", _site.Site.Url("/"), StringComparison.Ordinal);
        Assert.Equal(2, snippet.Split('\n').Length);
        if (!withScript)
        {
            snippet = snippet.Split('\n')[0];
        }

        // The host is another origin (the same files served without a content policy, as most sites' pages are).
        await watched.GotoAsync(_site.SiteWithoutCsp.Url("/404.html"));
        await watched.Page.SetContentAsync($"<!DOCTYPE html><html lang=\"en\"><head><meta name=\"viewport\" content=\"width=device-width\"><title>Host</title></head><body><p>A host page.</p>{snippet}<p>After the card.</p></body></html>");
        await watched.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await watched.Page.WaitForTimeoutAsync(300);

        var frame = (await watched.Page.Locator("iframe").BoundingBoxAsync())!;
        Assert.True(frame.Width <= Math.Min(600, width - 16) + 0.5, $"The frame is {frame.Width} px wide in a {width} px page.");
        Assert.Equal(0, await watched.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        var inside = watched.Page.Frames.Single(f => f.Url.Contains("/embed/", StringComparison.Ordinal));
        var card = await inside.EvaluateAsync<double[]>("() => [document.querySelector('.embed-card').getBoundingClientRect().height, innerHeight, document.documentElement.scrollHeight]");
        if (withScript)
        {
            // The frame is as tall as the card, and the card as tall as its text: nothing empty, nothing to scroll.
            Assert.True(Math.Abs(card[0] - card[1]) <= 1, $"Card {card[0]} px in a frame {card[1]} px high.");
            Assert.True(card[2] <= card[1] + 1, $"The card scrolls: {card[2]} px in {card[1]}.");
            Assert.True(await inside.EvaluateAsync<bool>("() => document.documentElement.classList.contains('embed-fitted')"));
        }
        else
        {
            // The frame keeps its height and the card fills it.
            Assert.True(Math.Abs(frame.Height - 360) <= 1, $"The frame is {frame.Height} px high.");
            Assert.True(card[0] >= card[1] - 1, $"Card {card[0]} px in a frame {card[1]} px high leaves it empty below.");
        }

        await Screenshot(watched.Page, withScript ? "/embed-in-host/" : "/embed-in-host-without-script/", width);
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task A_browser_with_a_share_sheet_shows_its_button_and_shares_the_title_summary_and_address()
    {
        await using var watched = await _site.NewPageAsync(width: 390, height: 844);
        var page = watched.Page;
        await watched.GotoAsync(_site.Site.Url(ManyNotes));
        Assert.False(await page.Locator("button.share-native").IsVisibleAsync(), "The button shows in a browser without navigator.share.");

        // A browser that has one (Chromium on Linux has none): the button shows and hands the sheet what the links post.
        await page.AddInitScriptAsync("window.__shared = []; navigator.share = async data => { window.__shared.push(data); };");
        await watched.GotoAsync(_site.Site.Url(ManyNotes));
        await page.Locator("button.share-native").ClickAsync();
        var shared = await page.EvaluateAsync<Dictionary<string, string>[]>("() => window.__shared");

        var data = Assert.Single(shared);
        Assert.Equal(ManyNotes, new Uri(data["url"]).AbsolutePath);
        Assert.StartsWith("Contested figures for the death toll", data["title"], StringComparison.Ordinal);
        Assert.Contains(await page.Locator(".lead").InnerTextAsync(), data["text"], StringComparison.Ordinal);
        watched.AssertNoProblems();
    }

    /// <summary>The addresses of the font files the page asks for, as it asks for them.</summary>
    private static List<string> FontRequests(IPage page)
    {
        var fonts = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.ResourceType == "font" || request.Url.EndsWith(".woff2", StringComparison.Ordinal))
            {
                fonts.Add(request.Url);
            }
        };
        return fonts;
    }

    /// <summary>Kept beside the test assembly, under screenshots/, as the build's artefacts for a person to look at.</summary>
    private static async Task Screenshot(IPage page, string path, int width)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var name = path.Trim('/').Replace('/', '-');
        var file = Path.Combine(folder, $"{(name.Length == 0 ? "index" : name)}-{width}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 1000);
    }
}

namespace Timeline.Tests.Browser;

/// <summary>
/// Keyboard users: the first Tab reaches the skip link, which moves focus to the main content, and Tab then
/// reaches every link of the page in document order (and Shift+Tab in reverse), each with a visible focus
/// indicator and never entirely hidden by other content.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests
{
    /// <summary>Tabbing through a long page costs time; the first this many links are checked.</summary>
    private const int MaxLinks = 80;

    /// <summary>What Tab stops at on these pages: links, and the share section's fields and (when shown) buttons.</summary>
    // A disclosure's summary is a control too (the rest of a long list of connected events).
    private const string Focusable = "a[href]:not(details:not([open]) a), input, textarea, select, button:not([hidden]), summary";

    /// <summary>
    /// Where the focused element is among the page's links and controls (-1 if it is not one), and what it is, with
    /// its outline: :focus-visible must draw one.
    /// </summary>
    private const string Focused = $$"""
        () => {
          const links = [...document.querySelectorAll('{{Focusable}}')];
          const e = document.activeElement;
          const style = e ? getComputedStyle(e) : null;
          return {
            index: links.indexOf(e),
            count: links.length,
            description: e ? `<${e.tagName.toLowerCase()}${e.id ? ' id=' + e.id : ''}${e.className ? ' class=' + e.className : ''}${e.getAttribute('href') ? ' href=' + e.getAttribute('href') : ''}> ${(e.textContent || '').trim().slice(0, 60)}` : '(nothing)',
            focusVisible: !!e && e.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
            hash: location.hash,
          };
        }
        """;

    /// <summary>
    /// WCAG 2.2 SC 2.4.11 (Focus Not Obscured, minimum): '' when some part of the focused element shows, else what
    /// covers it. Samples nine points of each of its boxes inside the viewport.
    /// </summary>
    private const string Obscured = """
        () => {
          const e = document.activeElement;
          let covered = null;
          for (const r of e.getClientRects()) {
            for (const x of [r.left + 1, (r.left + r.right) / 2, r.right - 1]) {
              for (const y of [r.top + 1, (r.top + r.bottom) / 2, r.bottom - 1]) {
                if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
                const hit = document.elementFromPoint(x, y);
                if (hit && (hit === e || e.contains(hit))) return '';
                covered = covered || hit;
              }
            }
          }
          const r = e.getBoundingClientRect();
          const what = covered ? (covered.closest('nav, header, footer, [class]') || covered) : null;
          return `<${e.tagName.toLowerCase()} href=${e.getAttribute('href')}> "${e.textContent.trim().slice(0, 50)}" at y ${Math.round(r.top)} to ${Math.round(r.bottom)} of a ${innerWidth}x${innerHeight} viewport is ` +
            (what ? `entirely hidden under <${what.tagName.toLowerCase()} class="${what.className}"> (y ${Math.round(what.getBoundingClientRect().top)} to ${Math.round(what.getBoundingClientRect().bottom)})` : 'entirely out of view');
        }
        """;

    private readonly BrowserSite _site;

    public KeyboardTests(BrowserSite site)
    {
        _site = site;
    }

    public sealed class FocusState
    {
        public int Index { get; set; }

        public int Count { get; set; }

        public string Description { get; set; } = "";

        public bool FocusVisible { get; set; }

        public string Hash { get; set; } = "";
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/events/1988-08-15-montazeri-meeting/")]
    public async Task The_first_tab_reaches_the_skip_link_and_enter_moves_focus_to_main(string path)
    {
        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(_site.Site.Url(path));

        await watched.Page.Keyboard.PressAsync("Tab");
        var skip = await watched.Page.EvaluateAsync<FocusState>(Focused);
        Assert.True(await watched.Page.EvaluateAsync<bool>("() => document.activeElement.matches('a.skip-link[href=\"#main\"]')"), $"The first Tab focused {skip.Description}, not the skip link.");
        Assert.True(skip.FocusVisible, "The focused skip link shows no focus outline.");
        Assert.True(await watched.Page.Locator("a.skip-link").IsVisibleAsync(), "The focused skip link is not visible.");
        var box = await watched.Page.Locator("a.skip-link").BoundingBoxAsync();
        Assert.True(box is not null && box.Y >= 0 && box.X >= 0 && box.Y < 900 && box.X < 1280, $"The focused skip link is off screen: {box?.X},{box?.Y}.");

        await watched.Page.Keyboard.PressAsync("Enter");
        await watched.Page.WaitForFunctionAsync("() => location.hash === '#main'");
        Assert.Equal("main", await watched.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        watched.AssertNoProblems();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/events/1988-08-15-montazeri-meeting/")]
    [InlineData("/sources/")]
    public async Task Tab_reaches_every_link_in_document_order(string path)
    {
        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(_site.Site.Url(path));
        var count = (await watched.Page.EvaluateAsync<FocusState>(Focused)).Count;
        Assert.True(count > 10, $"{path} has only {count} links.");

        var errors = new List<string>();
        for (var expected = 0; expected < Math.Min(count, MaxLinks); expected++)
        {
            await watched.Page.Keyboard.PressAsync("Tab");
            var focus = await watched.Page.EvaluateAsync<FocusState>(Focused);
            if (focus.Index != expected)
            {
                var wanted = await watched.Page.EvaluateAsync<string>($"() => document.querySelectorAll('{Focusable}')[{expected}].outerHTML.slice(0, 160)");
                Assert.Fail($"Tab {expected + 1} on {path} focused {focus.Description} (link #{focus.Index}); expected link #{expected}: {wanted}");
            }

            if (!focus.FocusVisible)
            {
                errors.Add($"Link #{expected} shows no focus outline: {focus.Description}");
            }

            var obscured = await watched.Page.EvaluateAsync<string>(Obscured);
            if (obscured.Length > 0)
            {
                errors.Add($"Tab {expected + 1}: {obscured}");
            }
        }

        Assert.True(errors.Count == 0, string.Join('\n', errors));
        watched.AssertNoProblems();
    }

    /// <summary>
    /// Shift+Tab walks the links backwards from the page's last one. Each must be the previous link, and none may be
    /// entirely hidden when focused (WCAG 2.2 SC 2.4.11): the index's year navigation is sticky, and the browser
    /// scrolls a link focused backwards to the top of the viewport, where the navigation sits.
    /// </summary>
    [Theory]
    [InlineData("/", 1280, 900)]
    [InlineData("/", 320, 640)]
    public async Task Shift_tab_reaches_every_link_backwards_and_none_is_hidden_when_focused(string path, int width, int height)
    {
        await using var watched = await _site.NewPageAsync(width: width, height: height);
        await watched.GotoAsync(_site.Site.Url(path));
        var count = (await watched.Page.EvaluateAsync<FocusState>(Focused)).Count;
        await watched.Page.EvaluateAsync($"() => {{ const links = document.querySelectorAll('{Focusable}'); links[links.length - 1].focus(); }}");

        var hidden = new List<string>();
        for (var expected = count - 2; expected >= Math.Max(0, count - 1 - MaxLinks); expected--)
        {
            await watched.Page.Keyboard.PressAsync("Shift+Tab");
            var focus = await watched.Page.EvaluateAsync<FocusState>(Focused);
            Assert.True(focus.Index == expected, $"Shift+Tab on {path} focused {focus.Description} (link #{focus.Index}); expected link #{expected}.");
            var obscured = await watched.Page.EvaluateAsync<string>(Obscured);
            if (obscured.Length > 0)
            {
                hidden.Add($"Link #{expected}: {obscured}");
            }
        }

        Assert.True(hidden.Count == 0, $"{hidden.Count} link(s) on {path} at {width}x{height} cannot be seen when focused with Shift+Tab (WCAG 2.2 SC 2.4.11):\n" + string.Join('\n', hidden));
        watched.AssertNoProblems();
    }
}

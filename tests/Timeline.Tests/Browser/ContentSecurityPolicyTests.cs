namespace Timeline.Tests.Browser;

/// <summary>
/// Every page of the shipped site, served with the Content-Security-Policy netlify.toml publishes, loads in
/// Chromium with its stylesheet and images and without one console error, uncaught error or CSP violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests
{
    private const string EverythingLoaded = """
        () => {
          const problems = [];
          for (const link of document.querySelectorAll('link[rel~=stylesheet]')) {
            if (!link.sheet || link.sheet.cssRules.length === 0) problems.push(`stylesheet not applied: ${link.href}`);
          }
          for (const image of document.images) {
            if (!image.complete || image.naturalWidth === 0) problems.push(`image not loaded: ${image.currentSrc || image.src}`);
          }
          if (document.querySelectorAll('link[rel~=stylesheet]').length === 0) problems.push('no stylesheet linked');
          return problems;
        }
        """;

    private readonly BrowserSite _site;

    public ContentSecurityPolicyTests(BrowserSite site)
    {
        _site = site;
    }

    [Fact]
    public async Task Every_page_loads_under_the_published_csp_with_no_console_errors()
    {
        var paths = _site.Output.PagePaths();
        Assert.True(paths.Count > 30, $"Only {paths.Count} pages were built.");
        await using var watched = await _site.NewPageAsync();
        var notLoaded = new List<string>();
        foreach (var path in paths)
        {
            var response = await watched.GotoAsync(_site.Site.Url(path));
            Assert.Equal(NetlifyHeaders.For(_site.Headers, path, HeaderMerge.Combine)["Content-Security-Policy"], await response.HeaderValueAsync("content-security-policy"));
            notLoaded.AddRange((await watched.Page.EvaluateAsync<string[]>(EverythingLoaded)).Select(problem => $"{path}: {problem}"));
        }

        Assert.True(notLoaded.Count == 0, string.Join('\n', notLoaded));
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task The_stylesheet_is_served_as_text_css_and_pages_as_utf8_html()
    {
        await using var watched = await _site.NewPageAsync();
        var page = await watched.GotoAsync(_site.Site.Url("/"));
        Assert.Equal("text/html; charset=utf-8", await page.HeaderValueAsync("content-type"));
        var css = await watched.Page.Context.APIRequest.GetAsync(_site.Site.Url("/assets/style.css"));
        Assert.Equal(200, css.Status);
        Assert.StartsWith("text/css", css.Headers["content-type"], StringComparison.Ordinal);
    }

    /// <summary>The harness itself: an inline style, which the CSP forbids, is seen as a violation.</summary>
    [Fact]
    public async Task A_csp_violation_would_be_reported()
    {
        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(_site.Site.Url("/"));
        await watched.Page.EvaluateAsync("() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'body { color: red }' }))");
        await watched.Page.WaitForTimeoutAsync(200);

        Assert.Contains(watched.Problems, problem => problem.Contains("Content Security Policy", StringComparison.Ordinal));
    }
}

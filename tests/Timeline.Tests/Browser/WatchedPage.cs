using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Timeline.Tests.Browser;

/// <summary>
/// A Playwright page that records every console error, uncaught error, CSP message and failed request. One thing
/// is let pass: Chromium asks for /favicon.ico on its own, and a 404 for it is not the site's request when the
/// page links no icon (see <see cref="IsUnaskedFavicon"/>).
/// </summary>
public sealed partial class WatchedPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _problems = new();

    public WatchedPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if ((message.Type is "error" or "assert" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                && !IsUnaskedFavicon(message.Location, message.Text))
            {
                _problems.Enqueue($"{page.Url}: console {message.Type}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _problems.Enqueue($"{page.Url}: uncaught error: {error}");
        page.RequestFailed += (_, request) => _problems.Enqueue($"{page.Url}: request failed: {request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !IsUnaskedFavicon(response.Url, ""))
            {
                _problems.Enqueue($"{page.Url}: HTTP {response.Status} for {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Problems => _problems.ToList();

    /// <summary>Goes to a page and checks it answered 200.</summary>
    public async Task<IResponse> GotoAsync(string url)
    {
        var response = await Page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.True(response is not null, $"No response for {url}");
        Assert.True(response.Status == 200, $"{url} answered {response.Status}");
        return response;
    }

    /// <summary>Fails with every problem seen so far on this page.</summary>
    public void AssertNoProblems() =>
        Assert.True(_problems.IsEmpty, "The browser reported problems:\n" + string.Join('\n', _problems));

    /// <summary>The browser's own request for /favicon.ico (no page of the site links an icon), answered 404.</summary>
    private static bool IsUnaskedFavicon(string url, string text) =>
        FaviconUrl().IsMatch(url) && (text.Length == 0 || text.Contains("404", StringComparison.Ordinal));

    [GeneratedRegex(@"^https?://[^/]+/favicon\.ico(?::\d+:\d+)?$")]
    private static partial Regex FaviconUrl();

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}

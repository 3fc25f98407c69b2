using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Timeline.Tests.Browser;

/// <summary>
/// A Playwright page that records every console error, uncaught error, CSP message, failed request and response of
/// 400 or more, the site's icons included: every page links them, so Chromium must find each one it asks for.
/// </summary>
public sealed class WatchedPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _problems = new();

    public WatchedPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "assert" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _problems.Enqueue($"{page.Url}: console {message.Type}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _problems.Enqueue($"{page.Url}: uncaught error: {error}");
        page.RequestFailed += (_, request) => _problems.Enqueue($"{page.Url}: request failed: {request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
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

    /// <summary>
    /// Waits until the page's address is <paramref name="url"/>, after a click. It waits for the navigation to commit,
    /// not for the load event: CI once saw such a navigation reach network idle without Playwright reporting "load"
    /// within 30 s. Callers then wait for what they check with locators, which wait by themselves.
    /// </summary>
    public Task WaitForAddressAsync(string url) =>
        Page.WaitForURLAsync(url, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });

    /// <summary>Fails with every problem seen so far on this page.</summary>
    public void AssertNoProblems() =>
        Assert.True(_problems.IsEmpty, "The browser reported problems:\n" + string.Join('\n', _problems));

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}

namespace Timeline.Tests.Browser;

/// <summary>The copy buttons of an event page: shown and working with JavaScript; without it, the plain field remains.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ShareLinkTests
{
    private const string EventPath = "/events/1988-08-15-montazeri-meeting/";

    private readonly BrowserSite _site;

    public ShareLinkTests(BrowserSite site)
    {
        _site = site;
    }

    [Fact]
    public async Task The_copy_button_copies_the_address_under_the_published_csp()
    {
        await using var watched = await _site.NewPageAsync();
        await watched.Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = _site.Site.Origin });
        await watched.GotoAsync(_site.Site.Url(EventPath));
        var button = watched.Page.Locator("button[data-copy=share-url]");

        Assert.True(await button.IsVisibleAsync());
        await button.ClickAsync();
        await watched.Page.Locator(".share-copy .copy-status").First.Filter(new() { HasText = "Copied." }).WaitForAsync();

        Assert.Equal("https://1988-timeline.netlify.app" + EventPath, await watched.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task Without_javascript_the_buttons_stay_hidden_and_the_address_can_be_selected()
    {
        await using var watched = await _site.NewPageAsync(javaScript: false);
        await watched.GotoAsync(_site.Site.Url(EventPath));

        Assert.False(await watched.Page.Locator("button[data-copy]").First.IsVisibleAsync());
        var field = watched.Page.GetByLabel("Link to this entry");
        Assert.True(await field.IsVisibleAsync());
        Assert.Equal("https://1988-timeline.netlify.app" + EventPath, await field.InputValueAsync());
        Assert.True(await watched.Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "E-mail" }).IsVisibleAsync());
        watched.AssertNoProblems();
    }
}

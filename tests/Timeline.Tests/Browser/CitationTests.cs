namespace Timeline.Tests.Browser;

/// <summary>Following a citation marker lands on its note, and the note's backlink returns to the marker.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CitationTests
{
    private readonly BrowserSite _site;

    public CitationTests(BrowserSite site)
    {
        _site = site;
    }

    [Theory]
    [InlineData("/events/1988-08-15-montazeri-meeting/")]
    [InlineData("/people/ebrahim-raisi/")]
    public async Task Every_marker_leads_to_its_note_and_back(string path)
    {
        // Without JavaScript, as in print: with it, a marker opens its note in place (ReadingTests).
        await using var watched = await _site.NewPageAsync(javaScript: false);
        var page = watched.Page;
        await watched.GotoAsync(_site.Site.Url(path));
        var markers = await page.Locator("a[role=doc-noteref]").AllAsync();
        Assert.True(markers.Count >= 1, $"{path} has no citation markers.");

        foreach (var marker in markers)
        {
            var markerId = await marker.GetAttributeAsync("id");
            var noteHref = await marker.GetAttributeAsync("href");
            Assert.False(string.IsNullOrEmpty(markerId), $"A marker on {path} has no id: {noteHref}");
            Assert.True(noteHref is not null && noteHref.StartsWith('#'), $"Marker #{markerId} on {path} does not link to a note on the page: {noteHref}");

            await marker.ClickAsync();
            await page.WaitForFunctionAsync("hash => location.hash === hash", noteHref);
            Assert.Equal(noteHref[1..], await page.EvaluateAsync<string?>("() => document.querySelector(':target')?.id"));
            var note = page.Locator(noteHref);
            Assert.Equal("LI", await note.EvaluateAsync<string>("e => e.tagName"));
            await Microsoft.Playwright.Assertions.Expect(note).ToBeInViewportAsync();

            var backlink = note.Locator($"a[role=doc-backlink][href='#{markerId}']");
            Assert.True(await backlink.CountAsync() == 1, $"Note {noteHref} has no backlink to #{markerId}.");
            await backlink.ClickAsync();
            await page.WaitForFunctionAsync("hash => location.hash === hash", "#" + markerId);
            Assert.Equal(markerId, await page.EvaluateAsync<string?>("() => document.querySelector(':target')?.id"));
            await Microsoft.Playwright.Assertions.Expect(page.Locator("#" + markerId)).ToBeInViewportAsync();
        }

        watched.AssertNoProblems();
    }
}

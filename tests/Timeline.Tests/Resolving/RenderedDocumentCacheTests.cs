using Timeline.Tests.Support;

namespace Timeline.Tests.Resolving;

/// <summary>
/// A build renders again only the Markdown whose text changed or whose links now show other titles, and takes the rest
/// as the last build rendered it, checked against today's records; the result is always a clean build's
/// (Pipeline/IncrementalBuildPropertyTests checks that over random edits).
/// </summary>
public sealed class RenderedDocumentCacheTests
{
    private static string Cached(string folder) => Path.Combine(folder, ".timeline-cache", "documents.bin");

    private static string EventFile(TestSite site, string year, string id) => Path.Combine(site.Folder, "input", "events", year, $"{id}.yml");

    private static string Page(TestSite site, string id) => File.ReadAllText(Path.Combine(site.Output, "events", id, "index.html"));

    private static void Replace(string file, string from, string to)
    {
        var text = File.ReadAllText(file);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
    }

    [Fact]
    public void A_second_build_renders_no_text_and_a_renamed_event_renders_again_only_the_texts_that_link_to_it()
    {
        using var first = TestSite.Build(Path.Combine("valid", "basic"));
        first.AssertSucceeded();
        Assert.Equal(0, first.Result.DocumentsReused);

        var second = TestSite.BuildIn(first.Folder);
        second.AssertSucceeded();
        var texts = second.Result.DocumentsReused;
        Assert.True(texts >= 6, $"{texts} texts taken rendered; the site has six events' and pages' texts at least.");

        // Only first-event's body links to letter-sent, and shows its title.
        Replace(EventFile(first, "2020", "letter-sent"), "title: The letter is sent", "title: The letter went out");
        var renamed = TestSite.BuildIn(first.Folder);
        renamed.AssertSucceeded();
        Assert.Equal(texts - 1, renamed.Result.DocumentsReused);
        Assert.Contains(">The letter went out</a>", Page(renamed, "first-event"), StringComparison.Ordinal);
        Assert.DoesNotContain(">The letter is sent</a>", Page(renamed, "first-event"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_kept_text_shows_its_sources_as_they_are_now_and_one_citing_a_source_that_went_is_reported()
    {
        using var first = TestSite.Build(Path.Combine("valid", "basic"));
        first.AssertSucceeded();
        var sources = Path.Combine(first.Folder, "input", "sources.yml");

        Replace(sources, "title: Letter B", "title: Letter B, as retitled");
        var retitled = TestSite.BuildIn(first.Folder);
        retitled.AssertSucceeded();
        Assert.True(retitled.Result.DocumentsReused > 0);
        Assert.Contains("Letter B, as retitled", Page(retitled, "letter-sent"), StringComparison.Ordinal);

        // letter-b goes: the texts citing it must be rendered again, to say so, not taken as they were.
        var text = File.ReadAllText(sources);
        var start = text.IndexOf("- id: letter-b", StringComparison.Ordinal);
        var end = text.IndexOf("- id: article-c", StringComparison.Ordinal);
        File.WriteAllText(sources, text[..start] + text[end..]);
        var gone = TestSite.BuildIn(first.Folder);
        Assert.False(gone.Result.Succeeded);
        foreach (var citing in new[] { "letter-sent.yml", "first-event.yml" })
        {
            Assert.Contains(gone.Result.Diagnostics, d => d.Path.EndsWith(citing, StringComparison.Ordinal) && d.Message.Contains("letter-b", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_damaged_record_or_entry_is_rendered_again_and_the_site_is_the_same()
    {
        using var first = TestSite.Build(Path.Combine("valid", "basic"));
        var texts = TestSite.BuildIn(first.Folder).Result.DocumentsReused;
        var built = Page(first, "first-event");

        // One entry cut inside (a count made too large): that text is rendered again, the others are not.
        var bytes = File.ReadAllBytes(Cached(first.Folder));
        var at = bytes.AsSpan().IndexOf("The first claim"u8);
        Assert.True(at > 0);
        bytes[at - 1] = 0xFF;
        File.WriteAllBytes(Cached(first.Folder), bytes);
        var spoiled = TestSite.BuildIn(first.Folder);
        spoiled.AssertSucceeded();
        Assert.Equal(texts - 1, spoiled.Result.DocumentsReused);
        Assert.Equal(built, Page(spoiled, "first-event"));

        // A record cut short: every text is rendered.
        var whole = File.ReadAllBytes(Cached(first.Folder));
        File.WriteAllBytes(Cached(first.Folder), whole[..^1]);
        var cut = TestSite.BuildIn(first.Folder);
        cut.AssertSucceeded();
        Assert.Equal(0, cut.Result.DocumentsReused);
        Assert.Equal(built, Page(cut, "first-event"));
    }
}

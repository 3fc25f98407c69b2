using Timeline.Tests.Support;

namespace Timeline.Tests.Rendering;

/// <summary>
/// A build takes the pages whose inputs (an event's records, or a list's views), theme and code did not change from the
/// output the last build left, and renders the rest: the result is always the bytes of a clean build (Pipeline/IncrementalBuildPropertyTests checks
/// that over random edits; these check that pages are in fact taken, and when they must not be).
/// </summary>
public sealed class PageCacheTests
{
    [Fact]
    public void A_second_build_of_the_same_input_renders_no_page_and_a_title_edit_renders_only_the_pages_that_show_it()
    {
        using var site = TestSite.BuildWithTemplate("event.liquid", File.ReadAllText(Path.Combine(Repository.Theme, "templates", "event.liquid")));
        site.AssertSucceeded();
        Assert.Equal(0, site.Result.PagesReused);
        // Every page through the theme, and each event's citation files.
        var pages = Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories)
            .Count(f => !f.Contains("pagefind", StringComparison.Ordinal) && (f.EndsWith(".html", StringComparison.Ordinal) || Path.GetFileName(f) is "cite.json" or "cite.bib"));

        // The first build, into no output, records nothing (a site built once never has a page to take); the
        // second records every page, and the third takes them all.
        var second = TestSite.BuildIn(site.Folder);
        Assert.Equal(0, second.Result.PagesReused);
        var again = TestSite.BuildIn(site.Folder);
        again.AssertSucceeded();
        Assert.Equal(pages, again.Result.PagesReused);

        // A title is shown on its own page and embed, its neighbours' pages (previous, next, connected), the lists
        // and the index; the other events' pages stay as they were.
        var file = Path.Combine(site.Folder, "input", "events", "2021", "circa-month-range.yml");
        var text = File.ReadAllText(file);
        File.WriteAllText(file, System.Text.RegularExpressions.Regex.Replace(text, "^title: .*$", "title: A new title", System.Text.RegularExpressions.RegexOptions.Multiline));
        var edited = TestSite.BuildIn(site.Folder);
        edited.AssertSucceeded();
        Assert.InRange(edited.Result.PagesReused, 1, pages - 3);
        Assert.Contains("A new title", File.ReadAllText(Path.Combine(site.Output, "events", "circa-month-range", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_template_or_a_page_changed_in_the_output_is_rendered_again()
    {
        using var site = TestSite.BuildWithTemplate("event.liquid", File.ReadAllText(Path.Combine(Repository.Theme, "templates", "event.liquid")));
        site.AssertSucceeded();
        Assert.Equal(0, TestSite.BuildIn(site.Folder).Result.PagesReused);
        Assert.True(TestSite.BuildIn(site.Folder).Result.PagesReused > 20);

        // Someone edits a page of the output by hand: the next build writes it anew.
        var page = Path.Combine(site.Output, "events", "first-event", "index.html");
        var built = File.ReadAllText(page);
        File.WriteAllText(page, built.Replace("</main>", "<p>edited by hand</p></main>", StringComparison.Ordinal));
        var rebuilt = TestSite.BuildIn(site.Folder);
        rebuilt.AssertSucceeded();
        Assert.Equal(built, File.ReadAllText(page));
        Assert.True(rebuilt.Result.PagesReused > 20);

        // A template every page goes through: nothing is taken from the last build.
        var layout = Path.Combine(site.Folder, "theme", "templates", "layout.liquid");
        File.WriteAllText(layout, File.ReadAllText(layout).Replace("<main id=\"main\"", "<main data-edited id=\"main\"", StringComparison.Ordinal));
        var restyled = TestSite.BuildIn(site.Folder);
        restyled.AssertSucceeded();
        Assert.Equal(0, restyled.Result.PagesReused);
        Assert.Contains("<main data-edited id=\"main\"", File.ReadAllText(page), StringComparison.Ordinal);
    }

    /// <summary>
    /// A page taken from the last build is not read, and its links, checked by that build, are not checked again
    /// (DiskSink, PageCache.KeptLinksHold): unless something it could point to is gone. Here the about page links by
    /// address (not by a reference its key would hold) to a tag's page and to a note marker of an event.
    /// </summary>
    [Theory]
    [InlineData("the page it links to is gone", "/memorial/tags/theme-two/")]
    [InlineData("the note marker it links to is taken out", "/memorial/events/letter-sent/#ref-1-2")]
    public void A_page_taken_from_the_last_build_has_its_links_checked_again_when_what_they_point_to_is_gone(string change, string broken)
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);
        var input = Path.Combine(folder, "input");
        File.AppendAllText(Path.Combine(input, "pages", "about.md"), "\nSee [a theme](/memorial/tags/theme-two/) and [the letter's second marker](/memorial/events/letter-sent/#ref-1-2).\n");
        TestSite.BuildIn(folder).AssertSucceeded();
        var recorded = TestSite.BuildIn(folder);
        recorded.AssertSucceeded();
        var about = Path.Combine(recorded.Output, "about", "index.html");
        var written = File.GetLastWriteTimeUtc(about);

        // An edit the about page does not show: it is taken from the last build, and nothing is reported.
        var yearOnly = Path.Combine(input, "events", "1988", "year-only.yml");
        File.WriteAllText(yearOnly, File.ReadAllText(yearOnly).Replace("title: An event known only to the year", "title: An event of that year", StringComparison.Ordinal));
        var unrelated = TestSite.BuildIn(folder);
        unrelated.AssertSucceeded();
        Assert.Equal(written, File.GetLastWriteTimeUtc(about));

        if (change == "the page it links to is gone")
        {
            // The only event with that tag loses it, and the tag's page goes; the about page does not show tags.
            File.WriteAllText(yearOnly, File.ReadAllText(yearOnly).Replace("tags: [theme-one, theme-two]", "tags: [theme-one]", StringComparison.Ordinal));
        }
        else
        {
            var letter = Path.Combine(input, "events", "2020", "letter-sent.yml");
            File.WriteAllText(letter, File.ReadAllText(letter).Replace("The letter was sent [@letter-b].", "The letter was sent.", StringComparison.Ordinal));
        }

        var after = TestSite.BuildIn(folder);
        Assert.Contains(after.Result.Diagnostics, d => d.Severity == Timeline.Diagnostics.Severity.Error && d.Message.Contains(broken, StringComparison.Ordinal) && d.Message.Contains("/memorial/about/", StringComparison.Ordinal));
    }
}

/// <summary>The record of the pages a build wrote, which the next build reads before it renders anything.</summary>
public sealed class PageRecordTests
{
    private static readonly Timeline.Rendering.PageRecord Event = new(
        "KEY1",
        new Timeline.Output.FileStamp(1234, 638_000_000_000_000_000),
        ["/memorial/events/b/", "/memorial/sources/#source-a", "/memorial/events/b/"],
        ["main", "note-1"],
        new("en", true, [1, 2, 3, 4]));

    [Fact]
    public void A_build_that_fails_at_the_search_index_keeps_the_last_record_and_leaves_no_half_written_one()
    {
        // The record is written while Pagefind runs: a build that fails there must leave the last one, which still
        // describes the output that stays; keeping this build's would let the next take pages it never swapped in.
        using var site = TestSite.BuildWithTemplate("event.liquid", File.ReadAllText(Path.Combine(Repository.Theme, "templates", "event.liquid")));
        site.AssertSucceeded();
        TestSite.BuildIn(site.Folder).AssertSucceeded();
        var record = Path.Combine(site.Folder, ".timeline-cache", "pages.bin");
        var before = File.ReadAllBytes(record);
        var file = Path.Combine(site.Folder, "input", "events", "2021", "circa-month-range.yml");
        File.WriteAllText(file, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(file), "^title: .*$", "title: A title never published", System.Text.RegularExpressions.RegexOptions.Multiline));
        var tools = Timeline.Tests.Site.SearchIndexTests.FakePagefind("#!/bin/sh\necho 'Error: the index could not be written' >&2\nexit 3\n");

        var failed = TestSite.BuildIn(site.Folder, toolsFolder: tools);

        Assert.False(failed.Result.Succeeded);
        Assert.Equal(before, File.ReadAllBytes(record));
        Assert.False(File.Exists(record + ".tmp"));
        Directory.Delete(tools, recursive: true);

        // The next build, whose Pagefind works, takes what it can from the output that stayed, and shows the edit.
        var next = TestSite.BuildIn(site.Folder);
        next.AssertSucceeded();
        Assert.True(next.Result.PagesReused > 20);
        Assert.Contains("A title never published", File.ReadAllText(Path.Combine(site.Output, "events", "circa-month-range", "index.html")), StringComparison.Ordinal);
        Assert.NotEqual(before, File.ReadAllBytes(record));
    }

    [Fact]
    public void Records_read_back_as_written_with_strings_shared_and_null_parts_kept_null()
    {
        var written = new Dictionary<string, Timeline.Rendering.PageRecord>(StringComparer.Ordinal)
        {
            ["events/a/index.html"] = Event,
            ["events/a/cite.json"] = new("KEY2", new Timeline.Output.FileStamp(10, 20), null, null, null),
        };
        using var stream = new MemoryStream();
        Timeline.Rendering.PageRecord.Write(stream, written);
        stream.Position = 0;
        var read = Timeline.Rendering.PageRecord.Read(stream);

        Assert.Equal(2, read.Count);
        var page = read["events/a/index.html"];
        Assert.Equal(("KEY1", Event.Stamp), (page.Key, page.Stamp));
        Assert.Equal(Event.Links, page.Links);
        Assert.True(page.Ids!.SetEquals(Event.Ids!));
        Assert.Equal(("en", true), (page.Search!.Language, page.Search.MarkedBody));
        Assert.Equal(Event.Search!.Digest, page.Search.Digest);
        var cite = read["events/a/cite.json"];
        Assert.Null(cite.Links);
        Assert.Null(cite.Ids);
        Assert.Null(cite.Search);
    }

    [Fact]
    public void Records_taken_from_the_last_record_beside_new_ones_are_written_as_the_same_bytes_as_all_new()
    {
        // The strings of records read back are shared (one per text); a new page's are its own, equal texts in other
        // instances. The bytes must not depend on which instance the writer met.
        static Timeline.Rendering.PageRecord Page(string key, params string[] links) =>
            new(key, new Timeline.Output.FileStamp(1, 2), links.Select(l => new string(l.AsSpan())).ToList(), new HashSet<string>(["top"], StringComparer.Ordinal), null);

        var fresh = new Dictionary<string, Timeline.Rendering.PageRecord>(StringComparer.Ordinal)
        {
            ["a/index.html"] = Page("K1", "/b/", "/c/", "/b/"),
            ["b/index.html"] = Page("K2", "/c/", "/a/"),
            ["c/index.html"] = Page("K3", "/a/", "/b/", "/d/"),
        };
        using var first = new MemoryStream();
        Timeline.Rendering.PageRecord.Write(first, fresh);
        var read = Timeline.Rendering.PageRecord.Read(new MemoryStream(first.ToArray()));
        Assert.Same(read["a/index.html"].Links![0], read["c/index.html"].Links![1]);

        // Two pages taken as read, one made anew with the same links in instances of its own.
        var mixed = new Dictionary<string, Timeline.Rendering.PageRecord>(StringComparer.Ordinal)
        {
            ["a/index.html"] = read["a/index.html"],
            ["b/index.html"] = Page("K2", "/c/", "/a/"),
            ["c/index.html"] = read["c/index.html"],
        };
        using var second = new MemoryStream();
        Timeline.Rendering.PageRecord.Write(second, mixed);

        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Equal(["/c/", "/a/"], Timeline.Rendering.PageRecord.Read(new MemoryStream(second.ToArray()))["b/index.html"].Links!);
    }

    [Fact]
    public void A_file_made_of_parts_has_its_parts_read_back_in_order()
    {
        var parts = new Timeline.Output.FilePart[] { new("B", 12, 300), new("A", 312, 7), new("C", 3_000_000_000, 1) };
        var written = new Dictionary<string, Timeline.Rendering.PageRecord>(StringComparer.Ordinal)
        {
            ["events.json"] = new("", new Timeline.Output.FileStamp(3_000_000_001, 20), null, null, null) { Parts = parts },
            ["events/a/index.html"] = Event,
        };
        using var stream = new MemoryStream();
        Timeline.Rendering.PageRecord.Write(stream, written);
        stream.Position = 0;
        var read = Timeline.Rendering.PageRecord.Read(stream);

        Assert.Equal(parts, read["events.json"].Parts);
        Assert.Null(read["events/a/index.html"].Parts);
    }

    [Fact]
    public void A_record_cut_short_or_of_another_layout_reads_as_none_and_every_page_is_rendered()
    {
        using var stream = new MemoryStream();
        Timeline.Rendering.PageRecord.Write(stream, new Dictionary<string, Timeline.Rendering.PageRecord> { ["a/index.html"] = Event });
        var bytes = stream.ToArray();
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Empty(Timeline.Rendering.PageRecord.Read(new MemoryStream(bytes[..length])));
        }

        bytes[1] ^= 0x20;
        Assert.Empty(Timeline.Rendering.PageRecord.Read(new MemoryStream(bytes)));
    }
}

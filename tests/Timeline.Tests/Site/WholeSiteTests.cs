using Timeline.Tests.Support;

namespace Timeline.Tests.Site;

/// <summary>Builds Sites/valid/basic and checks what readers get on each kind of page.</summary>
public sealed class WholeSiteTests : IClassFixture<WholeSiteTests.BasicSite>
{
    private readonly TestSite _site;

    public WholeSiteTests(BasicSite fixture)
    {
        _site = fixture.Site;
    }

    public sealed class BasicSite : IDisposable
    {
        public TestSite Site { get; } = TestSite.Build("valid/basic");

        public void Dispose() => Site.Dispose();
    }

    [Fact]
    public void The_site_builds_without_errors_or_warnings() => _site.AssertSucceeded();

    [Fact]
    public void The_index_lists_events_in_time_order_grouped_by_year_under_eras()
    {
        var index = _site.Read("index.html");
        var order = new[] { "An event known only to the year", "The first event", "The letter is sent", "The letter is made public" }
            .Select(title => index.IndexOf(title, StringComparison.Ordinal))
            .ToList();

        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        _site.AssertFileContains("index.html", "<h2 id=\"era-the-killings\">The killings</h2>");
        _site.AssertFileContains("index.html", "<h3 class=\"year-heading\" id=\"y1988\"><a href=\"/memorial/years/1988/\">1988</a></h3>");
        _site.AssertFileContains("index.html", "<li><a href=\"#y2020\">2020</a></li>");
    }

    [Fact]
    public void Events_outside_every_era_still_appear() =>
        _site.AssertFileContains("index.html", "<h2 class=\"year-heading\" id=\"y2020\">");

    [Fact]
    public void Event_pages_write_dates_for_people_in_both_calendars()
    {
        _site.AssertFileContains("events/first-event/index.html", "<time datetime=\"1988-07-19\">19 July</time> – <time datetime=\"1988-08-16\">16 August 1988</time>");
        _site.AssertFileContains("events/first-event/index.html", "<span class=\"date-solar-latin\">28 Tir – 25 Mordad 1367 SH</span>");
        _site.AssertFileContains("events/year-only/index.html", "c. <time datetime=\"1988\">1988</time>");
        _site.AssertFileContains("events/2020-12-published/index.html", "<time datetime=\"2020-12\">December 2020</time>");
    }

    [Fact]
    public void Citations_become_numbered_note_markers_that_reuse_numbers_for_the_same_source_and_locator()
    {
        const string page = "events/first-event/index.html";
        _site.AssertFileContains(page, "The first claim<sup class=\"noteref\"><a href=\"#note-1\" id=\"ref-1-1\" role=\"doc-noteref\">[1]</a></sup>");
        _site.AssertFileContains(page, "<a href=\"#note-2\" id=\"ref-2-1\" role=\"doc-noteref\">[2]</a><a href=\"#note-1\" id=\"ref-1-2\" role=\"doc-noteref\">[1]</a>");
        _site.AssertFileContains(page, "<a href=\"#note-3\" id=\"ref-3-1\" role=\"doc-noteref\">[3]</a>");
    }

    [Fact]
    public void Notes_give_the_source_in_full_with_backlinks_to_every_marker()
    {
        const string page = "events/first-event/index.html";
        _site.AssertFileContains(page, "<section class=\"notes\" role=\"doc-endnotes\" aria-labelledby=\"notes-title\" data-text-close=\"Close\" data-pagefind-ignore>");
        _site.AssertFileContains(page, "<li id=\"note-1\"><span class=\"backrefs\"><a href=\"#ref-1-1\" role=\"doc-backlink\" aria-label=\"Back to citation 1, use a\">a</a> <a href=\"#ref-1-2\" role=\"doc-backlink\" aria-label=\"Back to citation 1, use b\">b</a> </span>");
        _site.AssertFileContains(page, "Author A, <cite>Report A</cite>, Publisher A, <time datetime=\"2018-12-04\">4 December 2018</time>, p. 12.");
        _site.AssertFileContains(page, "<a class=\"source-link\" href=\"https://example.org/report-a\" dir=\"ltr\" data-pagefind-ignore>https://example.org/report-a</a> (<a href=\"https://archive.example.org/report-a\" data-pagefind-ignore>archived copy</a>)");
        _site.AssertFileContains(page, "<li id=\"note-3\"><span class=\"backrefs\"><a href=\"#ref-3-1\" role=\"doc-backlink\" aria-label=\"Back to citation 3\">↩</a> </span><span class=\"note-source\">Author A, <cite>Report A</cite>");
    }

    [Fact]
    public void Entry_level_sources_get_notes_too() =>
        _site.AssertFileContains("events/year-only/index.html", "Sources for this entry as a whole: <sup class=\"noteref\"><a href=\"#note-1\" id=\"ref-1-1\" role=\"doc-noteref\">[1]</a></sup>");

    [Fact]
    public void Event_links_show_the_target_title_or_the_authors_words()
    {
        _site.AssertFileContains("events/first-event/index.html", "<a href=\"/memorial/events/letter-sent/\" class=\"event-link\">The letter is sent</a>");
        _site.AssertFileContains("events/first-event/index.html", "<a href=\"/memorial/events/letter-sent/\" class=\"event-link\">the letter</a>");
    }

    [Fact]
    public void Raw_html_in_markdown_is_shown_as_text()
    {
        _site.AssertFileContains("events/first-event/index.html", "&lt;script&gt;alert(1)&lt;/script&gt;");
        _site.AssertFileDoesNotContain("events/first-event/index.html", "<script>");
    }

    [Fact]
    public void Event_pages_list_related_events_and_the_events_that_reference_them_in_one_list()
    {
        var letter = _site.Read("events/letter-sent/index.html");
        var connected = letter[letter.IndexOf("<h2 id=\"related-title\">Related events</h2>", StringComparison.Ordinal)..];
        connected = connected[..connected.IndexOf("</section>", StringComparison.Ordinal)];

        Assert.Contains("/memorial/events/first-event/", connected, StringComparison.Ordinal);
        Assert.Contains("/memorial/events/2020-12-published/", connected, StringComparison.Ordinal);
        Assert.DoesNotContain("Referenced by", letter, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_pages_link_the_previous_and_next_event_in_time()
    {
        _site.AssertFileContains("events/first-event/index.html", "<a href=\"/memorial/events/year-only/\" rel=\"prev\">");
        _site.AssertFileContains("events/first-event/index.html", "<a href=\"/memorial/events/letter-sent/\" rel=\"next\">");
    }

    [Fact]
    public void Year_and_tag_pages_list_their_events()
    {
        _site.AssertFileContains("years/1988/index.html", "The first event");
        _site.AssertFileDoesNotContain("years/1988/index.html", "The letter is sent");
        _site.AssertFileContains("tags/theme-two/index.html", "An event known only to the year");
        _site.AssertFileDoesNotContain("tags/theme-two/index.html", "The first event");
        _site.AssertFileContains("tags/index.html", "<a href=\"/memorial/tags/theme-one/\">theme-one</a> <span class=\"count\">(2)</span>");
    }

    [Fact]
    public void The_bibliography_gives_each_source_an_anchor_and_the_events_citing_it()
    {
        var sources = _site.Read("sources/index.html");
        var letter = sources[sources.IndexOf("<li id=\"source-letter-b\">", StringComparison.Ordinal)..];
        letter = letter[..letter.IndexOf("</li>\n<li id=", StringComparison.Ordinal)];

        Assert.Contains("Published by an organisation close to one side.", sources, StringComparison.Ordinal);
        Assert.Contains("The first event", letter, StringComparison.Ordinal);
        Assert.Contains("The letter is sent", letter, StringComparison.Ordinal);
        Assert.Contains("The letter is made public", letter, StringComparison.Ordinal);
    }

    [Fact]
    public void Entities_have_pages_with_their_cited_summary_and_events_in_time_order()
    {
        var person = _site.Read("people/person-one/index.html");

        Assert.Contains("Person One appears in two events<sup class=\"noteref\">", person, StringComparison.Ordinal);
        Assert.True(person.IndexOf("The first event", StringComparison.Ordinal) < person.IndexOf("The letter is sent", StringComparison.Ordinal));
        _site.AssertFileContains("people/index.html", "<a href=\"/memorial/people/person-one/\">Person One</a>");
        _site.AssertFileContains("places/prison-x/index.html", "The first event");
        Assert.False(_site.Exists("organisations/index.html"));
    }

    [Fact]
    public void Pages_are_rendered_with_their_notes_and_links()
    {
        _site.AssertFileContains("about/index.html", "<h1>About</h1>");
        _site.AssertFileContains("about/index.html", "<a href=\"/memorial/events/first-event/\" class=\"event-link\">The first event</a>");
        _site.AssertFileContains("about/index.html", "<li id=\"note-1\">");
    }

    [Fact]
    public void Every_page_has_a_language_a_skip_link_and_a_canonical_address()
    {
        foreach (var file in Directory.EnumerateFiles(_site.Output, "*.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(file);
            Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);

            // An embed card, framed by other sites, is one short article with no navigation to skip.
            if (!Path.GetRelativePath(_site.Output, file).StartsWith("embed", StringComparison.Ordinal))
            {
                Assert.Contains("<a class=\"skip-link\" href=\"#main\">", html, StringComparison.Ordinal);
            }

            Assert.Contains("<link rel=\"canonical\" href=\"https://example.org/memorial/", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_output_is_marked_as_a_timeline_output() =>
        Assert.True(File.Exists(Path.Combine(_site.Output, ".timeline-output")));
    [Fact]
    public void The_index_overview_links_every_event_once_under_its_era_and_cuts_the_empty_years()
    {
        var svg = OverviewSvg.FromPage(_site.Read("index.html"));

        Assert.Equal("Overview of the timeline, 1988 to 2021", svg.Referenced("aria-labelledby"));
        Assert.Contains("5 events", svg.Referenced("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal(
            [
                ("/memorial/events/year-only/", "c. 1988: An event known only to the year"),
                ("/memorial/events/first-event/", "19 July – 16 August 1988: The first event"),
                ("/memorial/events/letter-sent/", "3 September 2020: The letter is sent"),
                ("/memorial/events/2020-12-published/", "December 2020: The letter is made public"),
                ("/memorial/events/circa-month-range/", "c. March – May 2021: Fees rose 100% & {more}: #3, $5, a_b, x^2, ~, \\ and </script>"),
            ],
            svg.Links);
        Assert.Equal([("1988", "/memorial/years/1988/"), ("2020", "/memorial/years/2020/"), ("2021", "/memorial/years/2021/")], svg.YearLinks);

        // Years of one or two events write each title beside its mark, inside its link, cut at a word to fit.
        Assert.Equal(
            ["The killings", "1988", "An event known only to the year", "The first event", "1989–2019: no events recorded", "2020", "The letter is sent", "The letter is made public", "2021", "Fees rose 100% & {more}: #3…"],
            svg.Texts);
    }

    [Fact]
    public void The_overview_comes_before_the_years_with_a_skip_link_past_it()
    {
        var index = _site.Read("index.html");
        var skip = index.IndexOf("<a class=\"overview-skip\" href=\"#years\">Skip the overview&#x27;s 8 links</a>", StringComparison.Ordinal);
        var svg = index.IndexOf("<svg", StringComparison.Ordinal);
        var years = index.IndexOf("<nav class=\"year-nav\" id=\"years\"", StringComparison.Ordinal);

        Assert.True(skip >= 0 && skip < svg && svg < years, $"skip link at {skip}, chart at {svg}, years at {years}.");
    }
}

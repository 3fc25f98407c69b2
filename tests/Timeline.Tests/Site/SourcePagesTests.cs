using System.Net;
using System.Text.RegularExpressions;
using Timeline.Tests.Support;

namespace Timeline.Tests.Site;

/// <summary>
/// A page per source (/sources/&lt;id&gt;/, and under each other language): the source in full, where to read it, and every
/// entry that cites it with the words around each citation. Every note links to its source's page and to the source.
/// </summary>
public sealed partial class SourcePagesTests : IClassFixture<ShippedSiteTests.Shipped>
{
    private readonly ShippedSiteTests.Shipped _shipped;

    public SourcePagesTests(ShippedSiteTests.Shipped shipped)
    {
        _shipped = shipped;
    }

    private string Output => Path.Combine(_shipped.Folder, "output");

    [Fact]
    public void On_the_shipped_site_every_note_links_to_its_sources_page_and_the_source_and_the_page_lists_each_use()
    {
        var sources = _shipped.Site.Sources.ToDictionary(s => s.Id);
        var notes = 0;
        foreach (var file in Directory.EnumerateFiles(Output, "index.html", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Output, file).Replace('\\', '/');
            var pageUrl = "/" + relative[..^"index.html".Length];
            foreach (Match note in NoteItem().Matches(File.ReadAllText(file)))
            {
                notes++;
                var item = note.Value;
                var about = AboutLink().Match(item);
                Assert.True(about.Success, $"A note on {pageUrl} has no link to its source's page:\n{item}");
                var tree = about.Groups[1].Value;
                var id = about.Groups[2].Value;
                Assert.True(sources.TryGetValue(id, out var source), $"{pageUrl} links to the page of an unknown source '{id}'.");
                Assert.StartsWith(tree, pageUrl, StringComparison.Ordinal);

                if (source!.Url is { } url)
                {
                    Assert.Contains($"href=\"{WebUtility.HtmlEncode(url).Replace("&#39;", "&#x27;", StringComparison.Ordinal)}\"", item, StringComparison.Ordinal);
                }

                var sourcePage = File.ReadAllText(Path.Combine(Output, tree.TrimStart('/'), "sources", id, "index.html"));
                foreach (Match backref in Backref().Matches(item))
                {
                    Assert.True(
                        sourcePage.Contains($"href=\"{pageUrl}#{backref.Groups[1].Value}\"", StringComparison.Ordinal),
                        $"The page of '{id}' in {tree} does not list the citation {pageUrl}#{backref.Groups[1].Value}.");
                }
            }
        }

        // Both trees: the English and the Persian notes of every event and page.
        Assert.True(notes >= 2 * 150, $"only {notes} notes were found");
    }

    [Fact]
    public void Every_source_of_the_shipped_site_has_a_page_in_each_language_listed_in_the_sitemap()
    {
        var sitemap = File.ReadAllText(Path.Combine(Output, "sitemap.xml"));
        foreach (var source in _shipped.Site.Sources)
        {
            foreach (var tree in new[] { "", "fa/" })
            {
                Assert.True(File.Exists(Path.Combine(Output, tree + "sources", source.Id, "index.html")), $"{tree}sources/{source.Id}/ is missing");
                Assert.Contains($"<loc>https://1988-timeline.netlify.app/{tree}sources/{source.Id}/</loc>", sitemap, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_bibliography_links_each_source_to_its_page()
    {
        var bibliography = File.ReadAllText(Path.Combine(Output, "sources", "index.html"));
        foreach (var source in _shipped.Site.Sources)
        {
            Assert.Contains($"<a class=\"source-about\" href=\"/sources/{source.Id}/\">About this source</a>", bibliography, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_source_page_shows_the_source_its_note_where_to_read_it_and_the_sentence_of_each_citation()
    {
        using var site = TestSite.Build("valid/basic");
        site.AssertSucceeded();

        const string page = "sources/report-a/index.html";
        site.AssertFileContains(page, "<h1>Report A</h1>");
        site.AssertFileContains(page, "Author A, <cite>Report A</cite>, Publisher A");
        site.AssertFileContains(page, "<p class=\"source-note\">Published by an organisation close to one side.</p>");
        site.AssertFileContains(page, "Online: <a class=\"source-link\" href=\"https://example.org/report-a\" dir=\"ltr\">");
        site.AssertFileContains(page, "Archived copy: <a class=\"source-link\" href=\"https://archive.example.org/report-a\" dir=\"ltr\">");
        // An archive is recorded: no search for one.
        site.AssertFileDoesNotContain(page, "web.archive.org");
        site.AssertFileContains(page, "<a href=\"/memorial/events/first-event/#ref-1-1\">note 1</a>, p. 12: <q>The first claim.</q>");
        site.AssertFileContains(page, "<a href=\"/memorial/sources/#source-report-a\">This source among all sources</a>");
    }

    [Fact]
    public void A_source_with_neither_address_says_plainly_that_no_copy_is_known_online_on_its_page_and_in_its_notes()
    {
        using var site = TestSite.Build("valid/basic");
        site.AssertSucceeded();

        site.AssertFileContains("sources/letter-b/index.html", "<p class=\"source-offline\">No copy of this source is known to be online.</p>");
        site.AssertFileDoesNotContain("sources/letter-b/index.html", "web.archive.org");
        site.AssertFileContains("events/letter-sent/index.html", "<span class=\"source-offline\">No copy of this source is known to be online.</span>");
        site.AssertFileContains("events/letter-sent/index.html", "<a class=\"source-about\" href=\"/memorial/sources/letter-b/\">About this source</a>");
        // A source with an address says nothing of the kind.
        site.AssertFileDoesNotContain("sources/report-a/index.html", "source-offline");
    }

    [Fact]
    public void A_source_with_a_link_but_no_archive_offers_to_look_for_one_at_the_internet_archive_escaped_and_without_the_fragment()
    {
        using var site = TestSite.FromFiles(SiteWith("""
            - id: index
              title: A page with a query
              publisher: P
              url: https://example.com/a?x=1&y=2#part
              kind: article
            """));
        site.AssertSucceeded();

        // An id like "index" has its own folder: nothing else is written inside sources/ but the bibliography's index.html.
        site.AssertFileContains(
            "sources/index/index.html",
            "No archived copy is recorded here: <a class=\"archive-search\" href=\"https://web.archive.org/web/*/https://example.com/a?x=1&amp;y=2\">look for one at the Internet Archive</a>.");
        site.AssertFileContains("sources/index.html", "<li id=\"source-index\">");
        site.AssertFileDoesNotContain("sources/index/index.html", "Archived copy:");
    }

    [Fact]
    public void The_persian_page_of_a_source_has_its_translated_note_and_the_persian_sentences_that_cite_it()
    {
        using var site = TestSite.Build("valid/translations");
        site.AssertSucceeded();

        var persian = Directory.EnumerateDirectories(Path.Combine(site.Output, "fa", "sources")).Select(Path.GetFileName).ToList();
        var english = Directory.EnumerateDirectories(Path.Combine(site.Output, "sources")).Select(Path.GetFileName).ToList();
        Assert.NotEmpty(english);
        Assert.Equal(english, persian);
        foreach (var id in persian)
        {
            var text = site.Read($"fa/sources/{id}/index.html");
            Assert.Contains("<html lang=\"fa\" dir=\"rtl\">", text, StringComparison.Ordinal);
            Assert.Contains($"href=\"/memorial/fa/sources/#source-{id}\"", text, StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, string> SiteWith(string sources) => new()
    {
        ["input/site.yml"] = "title: T\nbase_url: https://example.org/\n",
        ["input/sources.yml"] = sources,
        ["input/events/1988-07-19-a.yml"] = "date: \"1988-07-19\"\ntitle: A\nsummary: S.\nbody: It happened [@index, p. 2].\n",
    };

    [GeneratedRegex("<li id=\"note-[0-9]+\">.*?</li>", RegexOptions.Singleline)]
    private static partial Regex NoteItem();

    [GeneratedRegex("<a class=\"source-about\" href=\"(/(?:fa/)?)sources/([a-z0-9-]+)/\">")]
    private static partial Regex AboutLink();

    [GeneratedRegex("<a href=\"#(ref-[0-9]+-[0-9]+)\" role=\"doc-backlink\"")]
    private static partial Regex Backref();
}

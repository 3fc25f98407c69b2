using System.Text.Json.Nodes;
using NJsonSchema;
using Timeline.Publishing.Reuse;
using Timeline.Tests.Support;
using Timeline.Views;

namespace Timeline.Tests.Site;

/// <summary>
/// "Cite this entry": every event page gives a ready citation and the same citation as CSL-JSON and BibTeX, with the
/// date of the event at the precision the record has, and circa where it is approximate.
/// </summary>
public sealed class CitationTests : IClassFixture<WholeSiteTests.BasicSite>, IClassFixture<ShippedSiteTests.Shipped>
{
    private const string SpecialTitle = @"Fees rose 100% & {more}: #3, $5, a_b, x^2, ~, \ and </script>";

    private readonly TestSite _site;
    private readonly ShippedSiteTests.Shipped _shipped;

    public CitationTests(WholeSiteTests.BasicSite basic, ShippedSiteTests.Shipped shipped)
    {
        _site = basic.Site;
        _shipped = shipped;
    }

    [Theory]
    [InlineData("year-only", "An event known only to the year", "An Event Known Only to the Year")]
    [InlineData("letter-sent", "The letter is sent", "The Letter Is Sent")]
    [InlineData("circa-month-range", "Fees rose 100% &amp; {more}: #3, $5, a_b, x^2, ~, \\ and &lt;/script&gt;", "Fees Rose 100% &amp; {more}: #3, $5, A_b, X^2, ~, \\ and &lt;/Script&gt;")]
    public void Each_event_page_ends_with_citations_in_three_styles_to_copy_with_no_placeholder(string id, string titleHtml, string titleCaseHtml)
    {
        var page = $"events/{id}/index.html";
        var url = $"https://example.org/memorial/events/{id}/";

        _site.AssertFileContains(page, "<h2 id=\"cite-title\">Cite this entry</h2>");
        // The test site is not in git and its records give no dates: no date is invented, and where a style wants
        // the day the page was read, an empty slot is left for the script to fill.
        _site.AssertFileContains(page, $"<p class=\"citation\" id=\"cite-apa\"><i>{titleHtml}</i>. (n.d.). Test Timeline. <span class=\"cite-accessed\" data-style=\"apa\"></span>{url}</p>");
        _site.AssertFileContains(page, $"<p class=\"citation\" id=\"cite-mla\">“{titleCaseHtml}.” <i>Test Timeline</i>, {url}.<span class=\"cite-accessed\" data-style=\"mla\"></span></p>");
        _site.AssertFileContains(page, $"<p class=\"citation\" id=\"cite-chicago\">Test Timeline. “{titleCaseHtml}.” <span class=\"cite-accessed\" data-style=\"chicago\"></span>{url}.</p>");
        _site.AssertFileContains(page, "<button type=\"button\" class=\"copy-button\" data-copy-citation=\"cite-apa\" aria-describedby=\"cite-apa-name\" hidden>Copy citation</button>");
        _site.AssertFileContains(page, "<script src=\"/memorial/assets/cite.js\" defer></script>");
        _site.AssertFileContains(page, $"<a href=\"/memorial/events/{id}/cite.json\" download=\"{id}.json\" type=\"application/vnd.citationstyles.csl+json\">CSL-JSON</a>");
        _site.AssertFileContains(page, $"<a href=\"/memorial/events/{id}/cite.bib\" download=\"{id}.bib\" type=\"application/x-bibtex\">BibTeX</a>");
        _site.AssertFileDoesNotContain(page, "[date]");
        var html = _site.Read(page);
        Assert.True(html.IndexOf("id=\"cite-title\"", StringComparison.Ordinal) > html.IndexOf("role=\"doc-endnotes\"", StringComparison.Ordinal), "The citation comes after the notes.");
    }

    [Theory]
    [InlineData("year-only", "[[1988]]", true)]
    [InlineData("first-event", "[[1988,7,19],[1988,8,16]]", false)]
    [InlineData("2020-12-published", "[[2020,12]]", false)]
    [InlineData("letter-sent", "[[2020,9,3]]", false)]
    [InlineData("circa-month-range", "[[2021,3],[2021,5]]", true)]
    public void Cite_json_is_one_webpage_item_with_the_event_date_at_its_precision(string id, string dateParts, bool circa)
    {
        var items = JsonNode.Parse(_site.Read($"events/{id}/cite.json"))!.AsArray();
        var item = Assert.IsType<JsonObject>(Assert.Single(items));

        Assert.Equal(id, (string?)item["id"]);
        Assert.Equal("webpage", (string?)item["type"]);
        Assert.False(item.ContainsKey("author"), "The site is the container, not the author: APA would name it twice.");
        Assert.Equal("Test Timeline", (string?)item["container-title"]);
        Assert.Equal($"https://example.org/memorial/events/{id}/", (string?)item["URL"]);
        Assert.Equal(dateParts, item["event-date"]!["date-parts"]!.ToJsonString());
        Assert.Equal(circa, item["event-date"]!.AsObject().ContainsKey("circa"));
        if (circa)
        {
            Assert.True((bool)item["event-date"]!["circa"]!);
        }

        // No date of the entry is known (no record date, no git) and the reading date is the reader's: neither is invented.
        Assert.False(item.ContainsKey("issued"));
        Assert.False(item.ContainsKey("accessed"));
    }

    [Fact]
    public void Cite_json_keeps_the_title_as_written() =>
        Assert.Equal(SpecialTitle, (string?)JsonNode.Parse(_site.Read("events/circa-month-range/cite.json"))![0]!["title"]);

    [Fact]
    public async Task Every_cite_json_of_the_test_site_and_the_shipped_site_is_valid_csl_json()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(Repository.Schemas, "csl-data.json"));
        var files = CiteFiles(_site.Output, "cite.json").Concat(CiteFiles(ShippedOutput, "cite.json")).ToList();

        Assert.Equal(_site.Result.Site!.Events.Count + _shipped.Site.Events.Count, files.Count);
        Assert.All(files, file => Assert.Empty(schema.Validate(File.ReadAllText(file)).Select(e => $"{file}: {e}")));
    }

    [Fact]
    public async Task The_csl_schema_refuses_what_is_not_csl_json()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(Repository.Schemas, "csl-data.json"));
        var item = JsonNode.Parse(_site.Read("events/first-event/cite.json"))!;
        item[0]!["published"] = "2020";

        Assert.NotEmpty(schema.Validate(item.ToJsonString()));
    }

    [Theory]
    [InlineData("year-only", "1988~")]
    [InlineData("first-event", "1988-07-19/1988-08-16")]
    [InlineData("2020-12-published", "2020-12")]
    [InlineData("letter-sent", "2020-09-03")]
    [InlineData("circa-month-range", "2021-03~/2021-05~")]
    public void Cite_bib_is_one_online_entry_with_the_event_date_as_eventdate_never_as_its_date(string id, string date)
    {
        var text = _site.Read($"events/{id}/cite.bib");
        var entry = Assert.Single(BibTexReader.Read(text));

        Assert.Equal("online", entry.Type);
        Assert.Equal(id, entry.Key);
        Assert.Equal("{Test Timeline}", entry.Fields["organization"]);
        Assert.Equal(date, entry.Fields["eventdate"]);
        Assert.False(entry.Fields.ContainsKey("date"), "The entry has no date of its own here; the event's is not one.");
        Assert.False(entry.Fields.ContainsKey("author"));
        Assert.Equal($"https://example.org/memorial/events/{id}/", entry.Fields["url"]);
        Assert.False(entry.Fields.ContainsKey("urldate"), "The reading date is the reader's to add.");
    }

    [Fact]
    public void Cite_bib_escapes_every_character_tex_treats_specially()
    {
        var entry = Assert.Single(BibTexReader.Read(_site.Read("events/circa-month-range/cite.bib")));

        Assert.Equal(
            @"{Fees} rose 100\% \& \textbraceleft{}more\textbraceright{}: \#3, \$5, a\_b, x\textasciicircum{}2, \textasciitilde{}, \textbackslash{} and \textless{}/script\textgreater{}",
            entry.Fields["title"]);
        Assert.Equal(SpecialTitle, BibTexReader.Untex(entry.Fields["title"]));
    }

    [Theory]
    [InlineData("{", @"\textbraceleft{}")]
    [InlineData("}", @"\textbraceright{}")]
    [InlineData("\\", @"\textbackslash{}")]
    [InlineData("%&$#_", @"\%\&\$\#\_")]
    [InlineData("^~", @"\textasciicircum{}\textasciitilde{}")]
    [InlineData("</script>", @"\textless{}/script\textgreater{}")]
    [InlineData("Khomeini's 1988 fatwa", "Khomeini's 1988 fatwa")]
    [InlineData("اعدام‌های ۱۳۶۷", "اعدام‌های ۱۳۶۷")]
    public void BibTex_escaping_leaves_plain_text_and_other_scripts_alone(string text, string escaped) =>
        Assert.Equal(escaped, EntryCitation.Escape(text));

    [Fact]
    public void Every_cite_bib_of_both_sites_parses_and_names_its_event()
    {
        foreach (var (output, site) in new[] { (_site.Output, _site.Result.Site!), (ShippedOutput, _shipped.Site) })
        {
            foreach (var e in site.Events)
            {
                var entry = Assert.Single(BibTexReader.Read(File.ReadAllText(Path.Combine(output, "events", e.Id, "cite.bib"))));
                Assert.Equal(e.Id, entry.Key);
                Assert.Equal(e.Event.Title, BibTexReader.Untex(entry.Fields["title"]));
                Assert.Equal(site.Site.Title, BibTexReader.Untex(entry.Fields["organization"]));
                Assert.StartsWith(e.Event.When.Start.ToString(), entry.Fields["eventdate"], StringComparison.Ordinal);
                Assert.Equal(e.Event.When.Circa, entry.Fields["eventdate"].Contains('~', StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void The_strict_reader_refuses_an_unbalanced_or_unterminated_entry()
    {
        Assert.Throws<FormatException>(() => BibTexReader.Read("@online{a,\n  title = {a \\{ b},\n}\n"));
        Assert.Throws<FormatException>(() => BibTexReader.Read("@online{a,\n  title = {a}\n"));
        Assert.Throws<FormatException>(() => BibTexReader.Read("@online{a,\n  title = {a},\n  title = {b},\n}\n"));
    }

    private string ShippedOutput => Path.Combine(_shipped.Folder, "output");

    private static IEnumerable<string> CiteFiles(string output, string name) =>
        Directory.EnumerateFiles(Path.Combine(output, "events"), name, SearchOption.AllDirectories).Order(StringComparer.Ordinal);
}

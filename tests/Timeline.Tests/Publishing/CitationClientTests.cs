using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Timeline.Tests.Site;
using Timeline.Tests.Support;

namespace Timeline.Tests.Publishing;

/// <summary>
/// Proof by real clients: citeproc-js (the engine of Zotero) with the official APA, MLA and Chicago styles formats
/// every entry's cite.json exactly as the entry's page writes its citations (the access date aside, which the
/// page's script fills in), in both languages of the shipped site and in the test site; a BibTeX reader reads every
/// cite.bib; a feed parser reads the feed. The clients are in Clients/ (see its README).
/// </summary>
public sealed partial class CitationClientTests : IClassFixture<WholeSiteTests.BasicSite>, IClassFixture<ShippedSiteTests.Shipped>
{
    // The day the tests "read" an undated entry on: citeproc gets it as 'accessed', the page's slots get it as cite.js writes it.
    private static readonly Dictionary<string, string> AccessedText = new()
    {
        ["apa"] = "Retrieved January 9, 2025, from ",
        ["mla"] = " Accessed 9 Jan. 2025.",
        ["chicago"] = "Accessed January 9, 2025. ",
    };

    private static readonly string Clients = Path.Combine(Repository.Root, "tests", "Timeline.Tests", "Publishing", "Clients");

    private readonly TestSite _site;
    private readonly ShippedSiteTests.Shipped _shipped;

    public CitationClientTests(WholeSiteTests.BasicSite basic, ShippedSiteTests.Shipped shipped)
    {
        _site = basic.Site;
        _shipped = shipped;
    }

    private string ShippedOutput => Path.Combine(_shipped.Folder, "output");

    [Fact]
    public void Citeproc_formats_every_shipped_entry_as_its_page_does_in_apa_mla_and_chicago() =>
        AssertPagesMatchCiteproc(ShippedOutput, expectDated: true);

    [Fact]
    public void Citeproc_formats_every_test_site_entry_as_its_page_does_with_the_access_date_filled_in() =>
        AssertPagesMatchCiteproc(_site.Output, expectDated: false);

    [Fact]
    public void No_shipped_citation_says_no_date_names_the_site_twice_or_gives_the_event_date_as_published()
    {
        foreach (var (page, item, citations) in Entries(ShippedOutput))
        {
            var issued = item["issued"]?["date-parts"]?.ToJsonString();
            Assert.NotNull(issued);
            Assert.NotEqual(item["event-date"]!["date-parts"]!.ToJsonString(), issued);
            foreach (var (style, html) in citations)
            {
                var text = Plain(html);
                Assert.DoesNotContain("n.d.", text, StringComparison.Ordinal);
                Assert.False(Occurrences(text, (string)item["container-title"]!) > 1, $"{page} {style} names the site twice: {text}");
            }
        }
    }

    [Fact]
    public void Every_cite_bib_reads_in_a_bibtex_parser_as_an_online_entry_with_the_entry_date_and_the_event_date_apart()
    {
        var paths = new[] { ShippedOutput, _site.Output }
            .SelectMany(output => Directory.EnumerateFiles(output, "cite.bib", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            .ToList();
        var texts = new JsonArray(paths.Select(p => (JsonNode?)File.ReadAllText(p)).ToArray());
        var (code, result, errors) = NodeScript.Run(Path.Combine(Clients, "bib.mjs"), texts.ToJsonString());
        Assert.True(code == 0, errors);
        var parsed = JsonNode.Parse(result)!.AsArray();
        Assert.Equal(paths.Count, parsed.Count);
        for (var i = 0; i < paths.Count; i++)
        {
            var item = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(paths[i], ".json")))![0]!;
            var entry = Assert.Single(parsed[i]!.AsArray())!;
            var fields = entry["fields"]!;
            Assert.Equal("online", (string?)entry["type"]);
            Assert.Equal((string?)item["id"], (string?)entry["key"]);
            Assert.Equal((string?)item["title"], (string?)fields["title"]);
            Assert.Equal((string?)item["container-title"], (string?)fields["organization"]![0]);
            Assert.Equal((string?)item["URL"], (string?)fields["url"]);
            Assert.Null(fields["author"]);
            Assert.Null(fields["urldate"]);
            Assert.StartsWith(((int)item["event-date"]!["date-parts"]![0]![0]!).ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)fields["eventdate"], StringComparison.Ordinal);
            Assert.NotNull(fields["note"]);
            var issued = item["issued"]?["date-parts"]?[0]?.AsArray();
            Assert.Equal(issued is null ? null : $"{(int)issued[0]!:0000}-{(int)issued[1]!:00}-{(int)issued[2]!:00}", (string?)fields["date"]);
        }
    }

    /// <summary>Every citation of every page of the output, compared with citeproc-js's from the page's cite.json.</summary>
    private static void AssertPagesMatchCiteproc(string output, bool expectDated)
    {
        var entries = Entries(output).ToList();
        Assert.NotEmpty(entries);
        var items = new JsonArray(entries.Select(e =>
        {
            var item = e.Item.DeepClone();
            item["id"] = e.Page;
            if (item["issued"] is null)
            {
                item["accessed"] = JsonNode.Parse("{\"date-parts\":[[2025,1,9]]}");
            }

            return (JsonNode?)item;
        }).ToArray());
        var (code, result, errors) = NodeScript.Run(Path.Combine(Clients, "cite.mjs"), items.ToJsonString());
        Assert.True(code == 0, errors);
        var formatted = JsonNode.Parse(result)!.AsArray();
        for (var i = 0; i < entries.Count; i++)
        {
            var (page, item, citations) = entries[i];
            Assert.Equal(expectDated, item["issued"] is not null);
            foreach (var style in new[] { "apa", "mla", "chicago" })
            {
                var expected = Normal((string)formatted[i]![style]!);
                var shown = Normal(FillAccessed(citations[style], style));
                Assert.True(expected == shown, $"{page} {style}:\n citeproc: {expected}\n the page: {shown}");
            }
        }
    }

    /// <summary>Each event page of the output (both languages) with its cite.json item and its citations by style.</summary>
    private static IEnumerable<(string Page, JsonNode Item, Dictionary<string, string> Citations)> Entries(string output)
    {
        foreach (var json in Directory.EnumerateFiles(output, "cite.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var folder = Path.GetDirectoryName(json)!;
            var page = Path.GetRelativePath(output, folder).Replace('\\', '/');
            var html = File.ReadAllText(Path.Combine(folder, "index.html"));
            var citations = CitationElement().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            Assert.Equal(3, citations.Count);
            yield return (page, JsonNode.Parse(File.ReadAllText(json))![0]!, citations);
        }
    }

    private static string FillAccessed(string html, string style) =>
        AccessedSlot().Replace(html, m => m.Groups[1].Value == style ? WebUtility.HtmlEncode(AccessedText[style]) : "");

    // Both sides as the same HTML: entities decoded, citeproc's markers of upright text inside italics (spans) and div wrappers
    // dropped, and so are a right-to-left page's isolates of left-to-right runs (bdi and spans), which change no text.
    private static string Normal(string html)
    {
        var text = SpanOrBdi().Replace(html, "");
        return Regex.Replace(WebUtility.HtmlDecode(text), @"\s+", " ").Trim();
    }

    private static string Plain(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", ""));

    private static int Occurrences(string text, string part) => part.Length == 0 ? 0 : (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [GeneratedRegex("<p class=\"citation\" id=\"cite-(apa|mla|chicago)\">(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex CitationElement();

    [GeneratedRegex("</?(?:span|bdi)\\b[^>]*>")]
    private static partial Regex SpanOrBdi();

    [GeneratedRegex("<span class=\"cite-accessed\" data-style=\"(apa|mla|chicago)\"></span>")]
    private static partial Regex AccessedSlot();
}

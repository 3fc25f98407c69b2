using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text.RegularExpressions;
using Timeline.Tests.Support;

namespace Timeline.Tests.Site;

/// <summary>
/// The JSON-LD data block of each event page: it parses, uses only schema.org types and properties valid where they
/// are used (checked against <see cref="SchemaOrgVocabulary"/>), and gives dates at the precision of the record.
/// </summary>
public sealed partial class StructuredDataTests : IClassFixture<WholeSiteTests.BasicSite>, IClassFixture<ShippedSiteTests.Shipped>
{
    private readonly TestSite _site;
    private readonly ShippedSiteTests.Shipped _shipped;

    public StructuredDataTests(WholeSiteTests.BasicSite basic, ShippedSiteTests.Shipped shipped)
    {
        _site = basic.Site;
        _shipped = shipped;
    }

    [Fact]
    public void Every_event_page_of_both_sites_describes_its_event_with_schema_org_terms_only()
    {
        foreach (var (output, site) in new[] { (_site.Output, _site.Result.Site!), (ShippedOutput, _shipped.Site) })
        {
            foreach (var e in site.Events)
            {
                var data = JsonLd(File.ReadAllText(Path.Combine(output, "events", e.Id, "index.html")));
                var problems = new List<string>();
                Check(data, null, "$", problems);

                Assert.True(problems.Count == 0, $"{e.Id}:\n" + string.Join('\n', problems));
                Assert.Equal("https://schema.org", (string?)data["@context"]);
                Assert.Equal("WebPage", (string?)data["@type"]);
                Assert.Equal(e.Event.Title, (string?)data["name"]);
                Assert.Equal(e.Event.Title, (string?)data["about"]!["name"]);
                Assert.Equal(e.Event.When.Start.ToString(), (string?)data["about"]!["startDate"]);
                Assert.Equal(e.Event.When.End is { } end && end != e.Event.When.Start ? end.ToString() : null, (string?)data["about"]!["endDate"]);
                Assert.Equal(e.Body.Notes.Select(n => n.Source.Id).Distinct().Count(), data["citation"]!.AsArray().Count);
                Assert.Equal(e.Places.Count, data["about"]!["location"]?.AsArray().Count ?? 0);
                Assert.Equal(e.People.Count + e.Organisations.Count, data["mentions"]?.AsArray().Count ?? 0);
            }
        }
    }

    [Theory]
    [InlineData("year-only", "1988", null)]
    [InlineData("first-event", "1988-07-19", "1988-08-16")]
    [InlineData("2020-12-published", "2020-12", null)]
    [InlineData("circa-month-range", "2021-03", "2021-05")]
    public void Dates_keep_the_precision_of_the_record(string id, string start, string? end)
    {
        var about = JsonLd(_site.Read($"events/{id}/index.html"))["about"]!;

        Assert.Equal(start, (string?)about["startDate"]);
        Assert.Equal(end, (string?)about["endDate"]);
    }

    [Fact]
    public void Places_are_the_events_location_and_people_are_mentioned_with_their_pages()
    {
        var data = JsonLd(_site.Read("events/first-event/index.html"));

        Assert.Equal("""[{"@type":"Place","name":"Prison X","url":"https://example.org/memorial/places/prison-x/"}]""", data["about"]!["location"]!.ToJsonString());
        Assert.Equal("""[{"@type":"Person","name":"Person One","url":"https://example.org/memorial/people/person-one/"}]""", data["mentions"]!.ToJsonString());
        Assert.Equal(
            """{"@type":"CreativeWork","name":"Report A","datePublished":"2018-12-04","url":"https://example.org/report-a"}""",
            data["citation"]![0]!.ToJsonString());
        Assert.Equal("""{"@type":"WebSite","name":"Test Timeline","url":"https://example.org/memorial/"}""", data["isPartOf"]!.ToJsonString());
    }

    [Fact]
    public void A_title_holding_a_closing_script_tag_cannot_end_the_data_block()
    {
        var html = _site.Read("events/circa-month-range/index.html");
        var block = JsonLdText(html);

        Assert.DoesNotContain("</", block, StringComparison.Ordinal);
        Assert.EndsWith("and </script>", (string?)JsonNode.Parse(block)!["name"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_vocabulary_check_would_catch_a_property_on_the_wrong_type()
    {
        var problems = new List<string>();
        Check(JsonNode.Parse("""{"@type":"Place","startDate":"1988","citation":[{"@type":"Event","name":"x"}]}""")!, null, "$", problems);

        Assert.Contains(problems, p => p.Contains("startDate", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("citation", StringComparison.Ordinal));
    }

    /// <summary>Checks an object's @type, each property against its type, and each value against the property's range.</summary>
    private static void Check(JsonNode node, string? property, string path, List<string> problems)
    {
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i]!, property, $"{path}[{i}]", problems);
            }

            return;
        }

        var ranges = property is null ? null : SchemaOrgVocabulary.Properties[property].Ranges;
        if (node is JsonValue value)
        {
            var text = value.GetValueKind() == JsonValueKind.String ? (string)value! : null;
            var fits = ranges is null || (text is not null && ranges.Any(r => r switch
            {
                "Text" => true,
                "URL" => Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                "Date" => IsoPartialDate().IsMatch(text),
                _ => false,
            }));
            if (!fits)
            {
                problems.Add($"{path}: '{value.ToJsonString()}' is not one of {string.Join(", ", ranges!)}");
            }

            return;
        }

        var obj = node.AsObject();
        var type = (string?)obj["@type"];
        if (type is null || !SchemaOrgVocabulary.Types.ContainsKey(type))
        {
            problems.Add($"{path}: unknown @type '{type}'");
            return;
        }

        if (ranges is not null && !ranges.Any(r => SchemaOrgVocabulary.Types.ContainsKey(r) && SchemaOrgVocabulary.IsA(type, r)))
        {
            problems.Add($"{path}: a {type} is not a value {property} may have ({string.Join(", ", ranges)})");
        }

        foreach (var (name, child) in obj)
        {
            if (name is "@type" or "@context")
            {
                continue;
            }

            if (!SchemaOrgVocabulary.Properties.TryGetValue(name, out var definition))
            {
                problems.Add($"{path}.{name}: not in the schema.org table");
            }
            else if (!definition.Domains.Any(d => SchemaOrgVocabulary.IsA(type, d)))
            {
                problems.Add($"{path}.{name}: not a property of {type}");
            }
            else
            {
                Check(child!, name, $"{path}.{name}", problems);
            }
        }
    }

    private string ShippedOutput => Path.Combine(_shipped.Folder, "output");

    private static JsonNode JsonLd(string html) => JsonNode.Parse(JsonLdText(html))!;

    private static string JsonLdText(string html)
    {
        var blocks = DataBlock().Matches(html);
        Assert.Single(blocks);
        return blocks[0].Groups[1].Value;
    }

    [GeneratedRegex("""<script type="application/ld\+json">(.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex DataBlock();

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")]
    private static partial Regex IsoPartialDate();
}

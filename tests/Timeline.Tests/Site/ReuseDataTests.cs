using System.Text.Json.Nodes;
using NJsonSchema;
using Timeline.Tests.Support;

namespace Timeline.Tests.Site;

/// <summary>/events.json and /sources.json: the timeline as data, valid against the schemas the tests hold.</summary>
public sealed class ReuseDataTests : IClassFixture<WholeSiteTests.BasicSite>, IClassFixture<ShippedSiteTests.Shipped>
{
    private readonly TestSite _site;
    private readonly ShippedSiteTests.Shipped _shipped;

    public ReuseDataTests(WholeSiteTests.BasicSite basic, ShippedSiteTests.Shipped shipped)
    {
        _site = basic.Site;
        _shipped = shipped;
    }

    [Theory]
    [InlineData("events.json", "events.schema.json")]
    [InlineData("sources.json", "sources.schema.json")]
    public async Task Both_data_files_of_both_sites_are_valid_against_their_schema(string file, string schemaFile)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(Repository.Schemas, schemaFile));

        foreach (var output in new[] { _site.Output, ShippedOutput })
        {
            var errors = schema.Validate(File.ReadAllText(Path.Combine(output, file)));
            Assert.True(errors.Count == 0, $"{output}/{file}:\n" + string.Join('\n', errors.Select(e => $"{e.Path}: {e.Kind}")));
        }
    }

    [Fact]
    public async Task The_schemas_refuse_a_missing_field_an_unknown_field_and_a_wrong_date()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(Repository.Schemas, "events.schema.json"));
        var good = _site.Read("events.json");

        Assert.Empty(schema.Validate(good));
        Assert.NotEmpty(schema.Validate(Changed(good, e => e["events"]![0]!.AsObject().Remove("citations"))));
        Assert.NotEmpty(schema.Validate(Changed(good, e => e["events"]![0]!["colour"] = "red")));
        Assert.NotEmpty(schema.Validate(Changed(good, e => e["events"]![0]!["date"]!["start"] = "1988-13")));
    }

    [Fact]
    public void Events_json_lists_every_event_in_time_order_with_absolute_addresses()
    {
        var data = Json("events.json");
        var ids = data["events"]!.AsArray().Select(e => (string)e!["id"]!).ToList();

        Assert.Equal(1, (int)data["version"]!);
        Assert.Equal("https://example.org/memorial/", (string?)data["site"]!["url"]);
        Assert.Equal("Test Timeline", (string?)data["site"]!["title"]);
        Assert.Equal(_site.Result.Site!.Events.Select(e => e.Id), ids);
        Assert.Equal(["year-only", "first-event", "letter-sent", "2020-12-published", "circa-month-range"], ids);
        Assert.All(data["events"]!.AsArray(), e => Assert.Equal($"https://example.org/memorial/events/{e!["id"]}/", (string?)e["url"]));
    }

    [Theory]
    [InlineData("year-only", "1988", "year", null, null, true, "c. 1988")]
    [InlineData("first-event", "1988-07-19", "day", "1988-08-16", "day", false, "19 July – 16 August 1988")]
    [InlineData("2020-12-published", "2020-12", "month", null, null, false, "December 2020")]
    [InlineData("circa-month-range", "2021-03", "month", "2021-05", "month", true, "c. March – May 2021")]
    public void Events_json_gives_each_date_at_its_precision(string id, string start, string startPrecision, string? end, string? endPrecision, bool circa, string text)
    {
        var date = Event(id)["date"]!;

        Assert.Equal(start, (string?)date["start"]);
        Assert.Equal(startPrecision, (string?)date["start_precision"]);
        Assert.Equal(end, (string?)date["end"]);
        Assert.Equal(endPrecision, (string?)date["end_precision"]);
        Assert.Equal(circa, (bool)date["circa"]!);
        Assert.Equal(text, (string?)date["text"]);
    }

    [Fact]
    public void Events_json_resolves_entities_and_citations_to_sources()
    {
        var e = Event("first-event");

        Assert.Equal(
            """[{"id":"person-one","kind":"person","name":"Person One","url":"https://example.org/memorial/people/person-one/"},{"id":"prison-x","kind":"place","name":"Prison X","url":"https://example.org/memorial/places/prison-x/"}]""",
            e["entities"]!.ToJsonString());
        Assert.Equal("""["theme-one"]""", e["tags"]!.ToJsonString());
        Assert.Equal("""["letter-sent"]""", e["related"]!.ToJsonString());
        Assert.Equal(
            """{"note":1,"source":"report-a","title":"Report A","author":"Author A","publisher":"Publisher A","url":"https://example.org/report-a","locator":"p. 12"}""",
            e["citations"]![0]!.ToJsonString());
        Assert.Equal(
            """{"note":2,"source":"letter-b","title":"Letter B","author":null,"publisher":"Publisher B","url":null,"locator":null}""",
            e["citations"]![1]!.ToJsonString());
        Assert.Equal(3, e["citations"]!.AsArray().Count);
    }

    [Fact]
    public void Sources_json_gives_every_source_with_the_events_citing_it_in_time_order()
    {
        var sources = Json("sources.json")["sources"]!.AsArray();
        var letter = sources.Single(s => (string?)s!["id"] == "letter-b")!;
        var report = sources.Single(s => (string?)s!["id"] == "report-a")!;

        Assert.Equal(["article-c", "letter-b", "report-a"], sources.Select(s => (string)s!["id"]!));
        Assert.Equal(["first-event", "letter-sent", "2020-12-published"], letter["cited_by"]!.AsArray().Select(c => (string)c!["id"]!));
        Assert.Equal("2020-09", (string?)letter["date"]);
        Assert.Equal("letter", (string?)letter["kind"]);
        Assert.Equal("https://archive.example.org/report-a", (string?)report["archive_url"]);
        Assert.Equal("https://example.org/memorial/sources/#source-report-a", (string?)report["bibliography_url"]);
        Assert.Equal(
            """{"id":"first-event","title":"The first event","url":"https://example.org/memorial/events/first-event/"}""",
            report["cited_by"]![0]!.ToJsonString());
    }

    [Fact]
    public void Data_files_write_persian_as_text_not_escapes_and_end_with_a_new_line()
    {
        var events = _site.Read("events.json");

        Assert.Contains("\"text_solar_hijri\": \"۲۸ تیر – ۲۵ مرداد ۱۳۶۷\"", events, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u06", events, StringComparison.Ordinal);
        Assert.EndsWith("}\n", events, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", events, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bibliography_links_both_data_files()
    {
        _site.AssertFileContains("sources/index.html", "<a href=\"/memorial/events.json\" type=\"application/json\">every event (JSON)</a>");
        _site.AssertFileContains("sources/index.html", "<a href=\"/memorial/sources.json\" type=\"application/json\">every source (JSON)</a>");
    }

    [Fact]
    public void The_shipped_data_holds_every_event_and_source()
    {
        var events = JsonNode.Parse(File.ReadAllText(Path.Combine(ShippedOutput, "events.json")))!["events"]!.AsArray();
        var sources = JsonNode.Parse(File.ReadAllText(Path.Combine(ShippedOutput, "sources.json")))!["sources"]!.AsArray();

        Assert.Equal(_shipped.Site.Events.Select(e => e.Id), events.Select(e => (string)e!["id"]!));
        Assert.Equal(_shipped.Site.Sources.Count, sources.Count);
        Assert.All(events, e => Assert.NotEmpty(e!["citations"]!.AsArray()));
    }

    private string ShippedOutput => Path.Combine(_shipped.Folder, "output");

    private JsonNode Json(string file) => JsonNode.Parse(_site.Read(file))!;

    private JsonNode Event(string id) => Json("events.json")["events"]!.AsArray().Single(e => (string?)e!["id"] == id)!;

    private static string Changed(string json, Action<JsonNode> change)
    {
        var node = JsonNode.Parse(json)!;
        change(node);
        return node.ToJsonString();
    }
}

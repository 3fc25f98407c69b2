using System.Text.Json;
using System.Text.Json.Nodes;
using Timeline.Tests.Site;
using Timeline.Tests.Support;

namespace Timeline.Tests.Publishing;

/// <summary>
/// /timelinejs.json: the events in TimelineJS's JSON format, valid against a schema written from TimelineJS's
/// published description, and read back by `timeline import timelinejs` into the same events.
/// </summary>
public sealed class TimelineJsExportTests(WholeSiteTests.BasicSite basic) : IClassFixture<WholeSiteTests.BasicSite>
{
    private readonly TestSite _site = basic.Site;

    private static string Validator => Path.Combine(Repository.Root, "tests", "Timeline.Tests", "Publishing", "validate-json.mjs");

    private static string Errors(string json)
    {
        var (code, output, errors) = NodeScript.Run(Validator, json, Path.Combine(Repository.Schemas, "timelinejs.schema.json"));
        Assert.True(code == 0, errors);
        return output;
    }

    [Fact]
    public void The_export_is_valid_against_timelinejs_published_format_and_the_schema_refuses_what_it_does_not_describe()
    {
        var json = _site.Read("timelinejs.json");

        Assert.Equal("[]", Errors(json));
        Assert.NotEqual("[]", Errors(Changed(json, j => j["events"]![0]!["start_date"]!["month"] = 13)));
        Assert.NotEqual("[]", Errors(Changed(json, j => j["events"]![0]!.AsObject().Remove("start_date"))));
        Assert.NotEqual("[]", Errors(Changed(json, j => j["events"]![0]!["colour"] = "red")));
    }

    [Fact]
    public void Each_slide_has_the_dates_at_their_precision_the_summary_and_a_link_to_the_event_page()
    {
        var data = JsonNode.Parse(_site.Read("timelinejs.json"))!;
        var slides = data["events"]!.AsArray().ToDictionary(s => (string)s!["unique_id"]!);

        Assert.Equal(_site.Result.Site!.Events.Select(e => e.Id), data["events"]!.AsArray().Select(s => (string)s!["unique_id"]!));
        Assert.Equal("""{"year":1988}""", slides["year-only"]!["start_date"]!.ToJsonString());
        Assert.Equal("c. 1988", (string?)slides["year-only"]!["display_date"]);
        Assert.Equal("theme-one", (string?)slides["year-only"]!["group"]);
        Assert.Equal("""{"year":1988,"month":7,"day":19}""", slides["first-event"]!["start_date"]!.ToJsonString());
        Assert.Equal("""{"year":1988,"month":8,"day":16}""", slides["first-event"]!["end_date"]!.ToJsonString());
        Assert.Null(slides["letter-sent"]!["end_date"]);
        Assert.EndsWith(
            """<p><a href="https://example.org/memorial/events/first-event/">Read the full entry and its sources</a></p>""",
            (string)slides["first-event"]!["text"]!["text"]!,
            StringComparison.Ordinal);
        Assert.Equal("Test Timeline", (string?)data["title"]!["text"]!["headline"]);
        Assert.NotEmpty(data["eras"]!.AsArray());
    }

    [Fact]
    public void Imported_into_an_empty_site_the_export_gives_the_same_events_dates_titles_and_first_tags()
    {
        var parent = TestSite.NewFolder();
        Assert.Equal(0, CliProcess.Run(parent, null, "init", "site").Code);
        var folder = Path.Combine(parent, "site");
        File.WriteAllText(Path.Combine(folder, "timelinejs.json"), _site.Read("timelinejs.json"));
        File.Delete(Path.Combine(folder, "input", "events", "2000", "2000-01-01-example-event.yml"));

        // The slides have no media: each cites the source the import is told to use.
        var import = CliProcess.Run(folder, null, "import", "timelinejs", "timelinejs.json", "--source", "example-source");
        Assert.True(import.Code == 0, import.Errors);

        using var imported = TestSite.BuildIn(folder);
        imported.AssertSucceeded();

        // A slide has one group, so only an event's first tag comes back.
        static IEnumerable<string> Shape(IEnumerable<Timeline.Model.ResolvedEvent> events) => events.Select(e =>
            $"{e.Id} {e.Event.When.Start}/{e.Event.When.End?.ToString() ?? "-"} circa={e.Event.When.Circa} '{e.Event.Title}' [{e.Event.Tags.FirstOrDefault()}]");
        Assert.Equal(Shape(_site.Result.Site!.Events), Shape(imported.Result.Site!.Events));
        Assert.Equal(_site.Result.Site!.Eras.Select(e => (e.Title, e.Start, e.End)), imported.Result.Site!.Eras.Select(e => (e.Title, e.Start, e.End)));
    }

    private static string Changed(string json, Action<JsonNode> change)
    {
        var node = JsonNode.Parse(json)!;
        change(node);
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}

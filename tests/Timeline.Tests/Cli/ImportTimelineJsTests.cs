using System.Security.Cryptography;
using Timeline.Tests.Support;

namespace Timeline.Tests.Cli;

/// <summary>
/// `timeline import timelinejs`: a TimelineJS sheet (CSV) or JSON file becomes records that `timeline check` accepts
/// with no warnings; every slide it cannot convert is reported with its row or JSON path, and then nothing is written.
/// The fixtures in TimelineJs/ were written from TimelineJS's published description of both formats.
/// </summary>
public sealed class ImportTimelineJsTests
{
    private static string Fixtures => Path.Combine(Repository.Root, "tests", "Timeline.Tests", "Cli", "TimelineJs");

    private static (int Code, string Output, string Errors) Run(string folder, params string[] args) => CliProcess.Run(folder, null, args);

    /// <summary>A site made by `timeline init`, with the fixture copied beside its input folder.</summary>
    private static string NewSite(string fixture)
    {
        var site = Path.Combine(TestSite.NewFolder(), "site");
        var init = Run(Path.GetDirectoryName(site)!, "init", "site");
        Assert.True(init.Code == 0, init.Errors);
        File.Copy(Path.Combine(Fixtures, fixture), Path.Combine(site, fixture));
        return site;
    }

    private static string Read(string site, string path) => File.ReadAllText(Path.Combine(site, "input", path)).ReplaceLineEndings("\n");

    private static void AssertChecksClean(string site)
    {
        var check = Run(site, "check");
        Assert.True(check.Code == 0, check.Errors);
        Assert.Contains("0 errors, 0 warnings.", check.Output, StringComparison.Ordinal);
    }

    /// <summary>Every file of the input folder and its bytes: what "nothing was written" is checked against.</summary>
    private static Dictionary<string, string> Snapshot(string site) =>
        Directory.EnumerateFiles(Path.Combine(site, "input"), "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(site, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public void A_sheet_becomes_events_with_their_dates_tags_sources_and_an_era_that_check_accepts()
    {
        var site = NewSite("harbour.csv");
        var sourcesBefore = Read(site, "sources.yml");

        var import = Run(site, "import", "timelinejs", "harbour.csv");

        Assert.True(import.Code == 0, import.Errors);
        Assert.Contains("Imported 3 events from harbour.csv (CSV)", import.Output, StringComparison.Ordinal);
        Assert.Contains("The title slide 'The harbour strike' was not imported", import.Output, StringComparison.Ordinal);
        AssertChecksClean(site);

        // A day, a month with a span and circa from "c. ...", a year: each at the precision the sheet gives.
        var walkout = Read(site, "events/1923/1923-05-14-the-dockers-walk-out.yml");
        Assert.Contains("date: \"1923-05-14\"\n", walkout, StringComparison.Ordinal);
        Assert.Contains("title: \"The dockers walk out\"\n", walkout, StringComparison.Ordinal);
        Assert.Contains("tags: [labour-unions]\n", walkout, StringComparison.Ordinal);
        Assert.Contains("sources: [1923-05-14-the-dockers-walk-out-media]\n", walkout, StringComparison.Ordinal);
        Assert.Contains(
            "body: |\n"
            + "  Dockers left the quays at dawn; see the [strike bulletin](<https://example.org/strike>), not this script.\n"
            + "\n"
            + "  Markdown marks stay text: \\*stars\\*, \\_under\\_, \\[brackets\\], \\[@not-a-citation\\] and \\[\\[not-a-link\\]\\].\\\n"
            + "  A second line, with *emphasis*.\n"
            + "\n"
            + "  - first demand\n"
            + "  - second, **louder**\n",
            walkout,
            StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", walkout, StringComparison.Ordinal);
        Assert.DoesNotContain("never", walkout, StringComparison.Ordinal);

        var weeks = Read(site, "events/1923/1923-06-weeks-without-ships.yml");
        Assert.Contains("date: \"1923-06\"\ncirca: true\nend: \"1923-08\"\n", weeks, StringComparison.Ordinal);
        Assert.Contains("  Quoted in the sheet: commas, \"double quotes\", and a line break inside the cell.\n", weeks, StringComparison.Ordinal);

        var quiet = Read(site, "events/1924/1924-a-quiet-year.yml");
        Assert.Contains("date: \"1924\"\n", quiet, StringComparison.Ordinal);
        Assert.Contains("  > Nothing moved on the water.\n\n  > We waited, and waited.\n", quiet, StringComparison.Ordinal);

        // The sources are added after what sources.yml held, its comments and layout untouched.
        var sources = Read(site, "sources.yml");
        Assert.StartsWith(sourcesBefore, sources, StringComparison.Ordinal);
        Assert.Contains(
            "- id: 1923-05-14-the-dockers-walk-out-media\n  title: \"Newsreel of the walk-out\"\n  publisher: \"Harbour Film Archive\"\n  kind: video\n  url: \"https://www.youtube.com/watch?v=dockers1923\"\n",
            sources,
            StringComparison.Ordinal);
        Assert.Contains("- id: 1924-a-quiet-year-media\n  title: \"A docker's diary\"\n  publisher: \"A docker's diary\"\n  kind: other\n", sources, StringComparison.Ordinal);

        Assert.Contains("- id: the-strike-years\n  title: \"The strike years\"\n  start: \"1923\"\n  end: \"1925\"\n  summary: \"From the walk-out to the settlement.\"\n", Read(site, "eras.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_file_gives_the_same_records_and_cites_a_source_already_listed_again()
    {
        var site = NewSite("harbour.json");

        var import = Run(site, "import", "timelinejs", "harbour.json");

        Assert.True(import.Code == 0, import.Errors);
        Assert.Contains("Imported 3 events from harbour.json (JSON)", import.Output, StringComparison.Ordinal);
        AssertChecksClean(site);
        Assert.Contains("date: \"1923-05-14\"\n", Read(site, "events/1923/1923-05-14-the-dockers-walk-out.yml"), StringComparison.Ordinal);

        // unique_id names the record; the same media address makes one source, cited twice.
        var weeks = Read(site, "events/1923/weeks-without-ships.yml");
        Assert.Contains("date: \"1923-06\"\ncirca: true\nend: \"1923-08\"\n", weeks, StringComparison.Ordinal);
        Assert.Contains("sources: [weeks-without-ships-media]\n", weeks, StringComparison.Ordinal);
        var quiet = Read(site, "events/1924/1924-a-quiet-year.yml");
        Assert.Contains("sources: [weeks-without-ships-media]\n", quiet, StringComparison.Ordinal);
        Assert.DoesNotContain("end:", quiet, StringComparison.Ordinal);
        Assert.Contains("  publisher: \"Harbour Film Archive\"\n", Read(site, "sources.yml"), StringComparison.Ordinal);
        Assert.Contains("- id: the-strike-years\n", Read(site, "eras.yml"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("faults.csv", "faults.expected.txt")]
    [InlineData("faults.json", "faults.json.expected.txt")]
    public void Every_slide_that_cannot_be_converted_is_reported_where_it_is_and_nothing_is_written(string fixture, string expected)
    {
        var site = NewSite(fixture);
        var before = Snapshot(site);

        var import = Run(site, "import", "timelinejs", fixture);

        Assert.Equal(1, import.Code);
        Assert.Equal(File.ReadAllText(Path.Combine(Fixtures, expected)), import.Errors.ReplaceLineEndings("\n"));
        Assert.Equal(before, Snapshot(site));
    }

    [Fact]
    public void An_imported_file_imported_again_is_refused_and_nothing_is_written_twice()
    {
        var site = NewSite("harbour.csv");
        Assert.Equal(0, Run(site, "import", "timelinejs", "harbour.csv").Code);
        var before = Snapshot(site);

        var again = Run(site, "import", "timelinejs", "harbour.csv");

        Assert.Equal(1, again.Code);
        Assert.StartsWith("harbour.csv:3:1: error TL0998: row 3: the event would be written to '1923-05-14-the-dockers-walk-out.yml', which already exists", again.Errors, StringComparison.Ordinal);
        Assert.EndsWith("3 errors. Nothing was written.\n", again.Errors.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(site));
    }

    [Fact]
    public void Slides_without_media_cite_the_source_given_with_source_and_an_unknown_one_is_refused()
    {
        var site = NewSite("harbour.csv");
        File.WriteAllText(Path.Combine(site, "plain.csv"), "Year,Month,Day,Headline,Text\n1930,,,A slide with no media,Just words.\n");

        var unknown = Run(site, "import", "timelinejs", "plain.csv", "--source", "no-such-source");
        Assert.Equal(1, unknown.Code);
        Assert.StartsWith("--source: error TL0997: --source is 'no-such-source', which sources.yml does not list (it lists 'example-source')", unknown.Errors, StringComparison.Ordinal);

        var import = Run(site, "import", "timelinejs", "plain.csv", "--source", "example-source");
        Assert.True(import.Code == 0, import.Errors);
        Assert.Contains("sources: [example-source]\n", Read(site, "events/1930/1930-a-slide-with-no-media.yml"), StringComparison.Ordinal);
        AssertChecksClean(site);
    }

    [Fact]
    public void A_file_that_is_not_a_timeline_is_refused()
    {
        var site = NewSite("harbour.csv");
        File.WriteAllText(Path.Combine(site, "other.csv"), "name,age\nAda,36\n");
        File.WriteAllText(Path.Combine(site, "broken.json"), "{ \"events\": [ }");

        var csv = Run(site, "import", "timelinejs", "other.csv");
        var json = Run(site, "import", "timelinejs", "broken.json");

        Assert.StartsWith("other.csv:1:1: error TL0990: the file is not a TimelineJS timeline: its first row names no 'Year' column", csv.Errors, StringComparison.Ordinal);
        Assert.StartsWith("broken.json:1:15: error TL0990: the file is not a TimelineJS timeline: it is not valid JSON", json.Errors, StringComparison.Ordinal);
    }
}

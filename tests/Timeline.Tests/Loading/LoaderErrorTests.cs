using Timeline.Tests.Support;

namespace Timeline.Tests.Loading;

/// <summary>The loader's errors, each pinned to its file, line and column, over the smallest site that shows it.</summary>
public sealed class LoaderErrorTests
{
    private const string Site = "title: T\ndescription: D\nbase_url: https://example.org\n";
    private const string Sources = "- id: a\n  title: A\n  publisher: P\n  kind: report\n";

    private static TestSite BuildEvent(string eventYaml, string sources = Sources) =>
        TestSite.FromFiles(new Dictionary<string, string>
        {
            ["input/site.yml"] = Site,
            ["input/sources.yml"] = sources,
            ["input/events/e.yml"] = eventYaml,
        });

    [Fact]
    public void A_valid_event_builds()
    {
        using var site = BuildEvent("date: \"1988\"\ntitle: T\nsummary: S\nsources: [a]\n");

        site.AssertSucceeded();
    }

    [Fact]
    public void A_value_with_line_breaks_quoted_in_an_error_stays_on_the_error_s_one_line()
    {
        using var site = BuildEvent("date: \"1988\"\ntitle: T\nsummary: S\nsources: |\n  a\n  b\n");

        Assert.Equal(
            "input/events/e.yml:4:10: error TL0103: 'sources' must be a list, but it is the text 'a\\u000Ab\\u000A'. Write it as a list, for example 'sources: [first, second]'.",
            site.SingleError().ToString());
    }

    [Fact]
    public void An_unknown_field_suggests_the_known_one()
    {
        using var site = BuildEvent("date: \"1988\"\ntitel: T\nsummary: S\nsources: [a]\n");

        Assert.StartsWith("input/events/e.yml:2:1: error TL0104: unknown field 'titel'. Did you mean 'title'?", site.Result.Diagnostics[0].ToString());
    }

    [Fact]
    public void An_impossible_date_is_reported_at_its_value()
    {
        using var site = BuildEvent("date: 1988-02-30\ntitle: T\nsummary: S\nsources: [a]\n");

        Assert.Equal("input/events/e.yml:1:7: error TL0201: 'date' is '1988-02-30', a day that does not exist. Check the month and the day.", site.SingleError().ToString());
    }

    [Fact]
    public void An_unknown_source_in_the_body_is_reported_on_its_line()
    {
        using var site = BuildEvent("date: \"1988\"\ntitle: T\nsummary: S\nbody: |\n  First line.\n\n  Claim [@b].\n");

        Assert.StartsWith("input/events/e.yml:7:9: error TL0300: unknown source 'b'", site.SingleError().ToString());
    }

    [Fact]
    public void Errors_of_several_files_are_all_reported()
    {
        using var site = TestSite.FromFiles(new Dictionary<string, string>
        {
            ["input/site.yml"] = Site,
            ["input/sources.yml"] = Sources,
            ["input/events/one.yml"] = "date: \"1988-13\"\ntitle: T\nsummary: S\nsources: [a]\n",
            ["input/events/two.yml"] = "date: \"1988\"\nsummary: S\nsources: [a]\n",
        });

        Assert.Equal(["TL0201", "TL0105"], site.Result.Diagnostics.Select(d => d.Code));
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_bom_and_crlf_line_ends_are_fine()
    {
        using var site = BuildEvent("\uFEFFdate: \"1988\"\r\ntitle: T\r\nsummary: S\r\nbody: |\r\n  Claim [@a].\r\n");

        site.AssertSucceeded();
        site.AssertFileContains("events/e/index.html", "Claim<sup");
    }

    [Fact]
    public void A_site_with_a_bom_and_crlf_line_ends_builds()
    {
        using var site = TestSite.Build("valid/bom-and-crlf");

        site.AssertSucceeded();
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_without_being_read()
    {
        var body = new string('x', (int)Timeline.Input.InputReader.MaxFileBytes);
        using var site = BuildEvent($"date: \"1988\"\ntitle: T\nsummary: S\nsources: [a]\nbody: {body}\n");

        Assert.Equal("input/events/e.yml:1:1: error TL0002: the file is 1,048,629 bytes, over the limit of 1,048,576 bytes. Split it into smaller files.", site.SingleError().ToString());
    }
}

using System.Text.Json;
using Timeline.Cli;
using Timeline.Diagnostics;
using Timeline.Tests.Support;

namespace Timeline.Tests.Cli;

/// <summary>`check --format github|json`: the whole output of the real program, run in an invalid fixture site as CI runs it.</summary>
public sealed class ReportFormatTests
{
    private static (int Code, string Output, string Errors) CheckFixture(string fixture, params string[] args)
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "invalid", fixture), folder);
        var (code, output, errors) = CliProcess.Run(folder, null, ["check", "--theme", Repository.Theme, .. args]);
        return (code, output.Replace("\r\n", "\n"), errors.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Github_writes_one_annotation_a_line_on_standard_output_and_the_count_on_standard_error()
    {
        var (code, output, errors) = CheckFixture("several-errors-at-once", "--format", "github");

        Assert.Equal(1, code);
        Assert.Equal(
            """
            ::error file=input/events/1988-07-19-commissions.yml,line=1,col=7,title=TL0201::'date' is '1988-02-30', a day that does not exist. Check the month and the day.
            ::error file=input/events/1988-07-19-commissions.yml,line=4,col=1,title=TL0104::unknown field 'tgas'. Did you mean 'tags'? Known fields are: id, date, circa, end, sort, title, summary, tags, related, sources, people, organisations, places, body, published, updated, corrections, translations.
            ::error file=input/sources.yml,line=4,col=9,title=TL0207::'kind' is 'reprot', which is not a known kind of source. Did you mean 'report'? Use one of: article, report, letter, statement, audio, video, post, resolution, ruling, book, other.

            """,
            output);
        Assert.Equal("3 errors, 0 warnings. Nothing was written.\n", errors);
    }

    [Fact]
    public void Json_writes_one_document_alone_on_standard_output()
    {
        var (code, output, errors) = CheckFixture("events-is-a-file", "--format", "json");

        Assert.Equal(1, code);
        Assert.Equal(
            """
            {
              "errors": 1,
              "warnings": 0,
              "diagnostics": [
                {
                  "file": "input/events",
                  "line": 1,
                  "column": 1,
                  "code": "TL0012",
                  "severity": "error",
                  "message": "'events' must be a folder, but it is a file.",
                  "fix": "Make 'events' a folder and put its files in it."
                }
              ]
            }

            """,
            output);
        Assert.Equal("1 error, 0 warnings. Nothing was written.\n", errors);
    }

    [Fact]
    public void Json_of_several_errors_parses_and_counts_them()
    {
        var (_, output, _) = CheckFixture("several-errors-at-once", "--format", "json");

        using var document = JsonDocument.Parse(output);
        Assert.Equal(3, document.RootElement.GetProperty("errors").GetInt32());
        Assert.Equal(
            ["TL0201", "TL0104", "TL0207"],
            document.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()));
    }

    [Fact]
    public void Text_stays_the_default()
    {
        var (code, output, errors) = CheckFixture("events-is-a-file");

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal(
            "input/events:1:1: error TL0012: 'events' must be a folder, but it is a file. Make 'events' a folder and put its files in it.\n1 error, 0 warnings. Nothing was written.\n",
            errors);
    }

    [Fact]
    public void A_usage_error_is_written_in_the_format_asked_for()
    {
        var (code, output, errors) = CheckFixture("events-is-a-file", "--format", "github", "--base-url", "example.org");

        Assert.Equal(2, code);
        Assert.Equal(
            "::error title=TL0209::--base-url: '--base-url' is 'example.org', which is not an absolute http or https address. Write it as https://example.org or https://example.org/timeline/.\n",
            output);
        Assert.Equal("", errors);

        var (jsonCode, json, _) = CheckFixture("events-is-a-file", "--format", "json", "--no-such-option");
        Assert.Equal(2, jsonCode);
        Assert.Equal(
            """
            {
              "errors": 1,
              "warnings": 0,
              "diagnostics": [
                {
                  "file": "timeline",
                  "line": null,
                  "column": null,
                  "code": "TL0960",
                  "severity": "error",
                  "message": "Unrecognized command or argument '--no-such-option'.",
                  "fix": "Run 'timeline --help' for the commands and their options."
                }
              ]
            }

            """,
            json);
    }

    [Fact]
    public void Json_keeps_the_fix_of_an_option_checked_by_our_own_validator_apart()
    {
        var (code, json, _) = CheckFixture("events-is-a-file", "--format", "json", "--base-url", "example.org");

        Assert.Equal(2, code);
        using var document = JsonDocument.Parse(json);
        var diagnostic = Assert.Single(document.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("--base-url", diagnostic.GetProperty("file").GetString());
        Assert.Equal("TL0209", diagnostic.GetProperty("code").GetString());
        Assert.Equal("'--base-url' is 'example.org', which is not an absolute http or https address.", diagnostic.GetProperty("message").GetString());
        Assert.Equal("Write it as https://example.org or https://example.org/timeline/.", diagnostic.GetProperty("fix").GetString());
    }

    [Fact]
    public void Json_gives_the_fix_of_every_error_of_a_fixture_apart_from_its_problem()
    {
        var (_, json, _) = CheckFixture("several-errors-at-once", "--format", "json");
        var (_, _, text) = CheckFixture("several-errors-at-once");

        using var document = JsonDocument.Parse(json);
        var joined = document.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.GetProperty("message").GetString()} {d.GetProperty("fix").GetString()}");
        var lines = text.Split('\n').Where(l => l.Contains(": error TL", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lines.Count);
        Assert.All(document.RootElement.GetProperty("diagnostics").EnumerateArray(), d => Assert.NotEqual("", d.GetProperty("fix").GetString()));
        Assert.Equal(lines.Select(l => l[(l.IndexOf(": error TL", StringComparison.Ordinal) + ": error TL0000: ".Length)..]), joined);
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error_in_text()
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        var code = Program.Run(["check", "--format", "xml"], output, errors);

        Assert.Equal(2, code);
        Assert.StartsWith("--format: error TL0960: Argument 'xml' not recognized.", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Github_escapes_percent_and_line_breaks_in_the_message_and_commas_and_colons_in_properties()
    {
        var diagnostic = new Diagnostic("input/a,b:c.yml", new SourcePosition(10, 6), Severity.Warning, "TL0400", "Check the {% %} tags.\r\nNext line");

        Assert.Equal(
            "::warning file=input/a%2Cb%3Ac.yml,line=10,col=6,title=TL0400::Check the {%25 %25} tags.%0D%0ANext line",
            DiagnosticReport.GitHubCommand(diagnostic));
    }

    [Fact]
    public void Github_gives_a_folder_as_the_file_without_a_line()
    {
        var diagnostic = new Diagnostic("output/", SourcePosition.None, Severity.Error, "TL0600", "cannot write.");

        Assert.Equal("::error file=output/,title=TL0600::cannot write.", DiagnosticReport.GitHubCommand(diagnostic));
    }
}

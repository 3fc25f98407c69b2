using Timeline.Markdown;
using Timeline.Tests.Support;

namespace Timeline.Tests.Markdown;

/// <summary>
/// Markdig's reading of a paragraph costs its inlines times the emphasis marks and brackets open in it, so a paragraph
/// may hold at most MarksPerParagraph of them: the count is what bounds the work, and it is what these tests pin.
/// </summary>
public sealed class MarkdownLimitsTests
{
    private const int Limit = MarkdownLimits.MarksPerParagraph;

    private static string Lines(int count, string line) => string.Concat(Enumerable.Repeat(line + "\n", count));

    [Fact]
    public void A_paragraph_at_the_limit_passes_and_one_mark_more_is_found_on_its_line()
    {
        Assert.Equal(-1, MarkdownLimits.FirstCrowdedLine(Lines(Limit / 2, "A *word*.")));
        Assert.Equal(Limit / 2, MarkdownLimits.FirstCrowdedLine(Lines(Limit / 2, "A *word*.") + "[x"));
    }

    [Fact]
    public void An_empty_line_starts_the_count_again_and_a_run_of_marks_counts_once()
    {
        var paragraph = Lines(Limit / 4, "**Bold** and _it_.");

        Assert.Equal(-1, MarkdownLimits.FirstCrowdedLine(string.Join("  \n", Enumerable.Repeat(paragraph, 10))));
        Assert.Equal(Limit / 4, MarkdownLimits.FirstCrowdedLine(string.Concat(Enumerable.Repeat(paragraph, 10))));
    }

    [Fact]
    public void The_count_grows_with_the_marks_not_the_text_so_long_plain_paragraphs_pass()
    {
        Assert.Equal(-1, MarkdownLimits.FirstCrowdedLine(Lines(100_000, "A line of plain prose with a citation [@a].")[..(Limit * 40)]));
        Assert.Equal(-1, MarkdownLimits.FirstCrowdedLine(Lines(100_000, "Plain prose, no marks at all.")));
    }

    [Fact]
    public void A_body_of_5000_lines_in_one_paragraph_is_reported_where_it_passes_the_limit_and_builds_when_split()
    {
        const string Site = "title: T\ndescription: D\nbase_url: https://example.org\n";
        const string Sources = "- id: a\n  title: A\n  publisher: P\n  kind: report\n";
        const string Head = "date: \"1988\"\ntitle: T\nsummary: S\nbody: |\n";
        var line = "  Line with *emphasis* and a note [@a].";

        using (var crowded = TestSite.FromFiles(new Dictionary<string, string>
        {
            ["input/site.yml"] = Site,
            ["input/sources.yml"] = Sources,
            ["input/events/e.yml"] = Head + Lines(5000, line),
        }))
        {
            // Three marks a line: the 501st is on the 167th line of the body, which starts on line 5.
            Assert.StartsWith("input/events/e.yml:171:3: error TL0311:", crowded.SingleError().ToString(), StringComparison.Ordinal);
        }

        using var split = TestSite.FromFiles(new Dictionary<string, string>
        {
            ["input/site.yml"] = Site,
            ["input/sources.yml"] = Sources,
            ["input/events/e.yml"] = Head + string.Join("\n", Enumerable.Repeat(Lines(100, line), 50)),
        });
        split.AssertSucceeded();
        split.AssertFileContains("events/e/index.html", "Line with <em>emphasis</em> and a note<sup");
    }
}

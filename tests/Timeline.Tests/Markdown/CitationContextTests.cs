using Markdig.Syntax;
using Timeline.Markdown;
using Timeline.Markdown.Citations;

namespace Timeline.Tests.Markdown;

/// <summary>The sentence a citation stands in, shown on its source's page.</summary>
public sealed class CitationContextTests
{
    private static List<string> Contexts(string markdown)
    {
        var groups = TimelineMarkdown.Parse(markdown).Descendants<CitationGroup>().ToList();
        var contexts = CitationContext.Of(groups);
        return groups.Select(g => contexts[g]).ToList();
    }

    [Theory]
    [InlineData("One claim. The killings began in July [@a]. Another claim.", "The killings began in July.")]
    [InlineData("One claim. The killings began in July. [@a] Another claim.", "The killings began in July.")]
    [InlineData("One claim. The killings began [@a] in July. Another claim.", "The killings began in July.")]
    [InlineData("He said “it began in July.” [@a] Then more.", "He said “it began in July.”")]
    [InlineData("The report (p. 5) says so [@a].", "The report (p. 5) says so.")]
    [InlineData("No full stop at all [@a]", "No full stop at all")]
    [InlineData("سه ماه طول کشید [@a]. جملهٔ دیگر.", "سه ماه طول کشید.")]
    public void The_context_is_the_sentence_the_marker_closes_or_sits_in(string markdown, string expected) =>
        Assert.Equal([expected], Contexts(markdown));

    [Fact]
    public void Emphasis_links_and_other_markers_are_reduced_to_their_words_and_lines_are_folded()
    {
        var contexts = Contexts("A *first* claim [@a]. The [second](https://example.org) one\nruns over `two` lines [@b; @c].");

        Assert.Equal(["A first claim.", "The second one runs over two lines.", "The second one runs over two lines."], contexts.Take(1).Concat(Enumerable.Repeat(contexts[1], 2)));
        Assert.Equal(2, contexts.Count);
    }

    [Fact]
    public void Each_paragraph_is_its_own_text()
    {
        Assert.Equal(["First paragraph", "Second paragraph."], Contexts("First paragraph [@a]\n\nSecond paragraph [@b]."));
    }

    [Fact]
    public void A_long_sentence_is_cut_on_word_boundaries_keeping_most_of_the_words_before_the_marker()
    {
        var before = string.Join(' ', Enumerable.Range(1, 80).Select(i => $"w{i}"));
        var after = string.Join(' ', Enumerable.Range(1, 80).Select(i => $"v{i}"));
        var context = Assert.Single(Contexts($"Start. {before} [@a] {after}. End."));

        Assert.True(context.Length <= CitationContext.MaxLength, context);
        Assert.StartsWith("…w", context, StringComparison.Ordinal);
        Assert.EndsWith("…", context, StringComparison.Ordinal);
        Assert.Contains("w80 v1", context, StringComparison.Ordinal);
        // Whole words only.
        Assert.All(context.Trim('…').Split(' '), word => Assert.Matches("^[wv][0-9]+$", word));
        Assert.True(context.IndexOf("v1", StringComparison.Ordinal) > CitationContext.MaxLength / 2, "the words before the marker get most of the room");
    }
}

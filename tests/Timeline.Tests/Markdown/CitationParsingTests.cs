using Markdig.Syntax.Inlines;
using Markdig.Syntax;
using Timeline.Markdown.Citations;
using Timeline.Markdown.EventLinks;
using Timeline.Markdown;

namespace Timeline.Tests.Markdown;

public sealed class CitationParsingTests
{
    private static List<CitationGroup> Citations(string markdown) =>
        TimelineMarkdown.Parse(markdown).Descendants<CitationGroup>().ToList();

    [Fact]
    public void Reads_a_single_citation()
    {
        var group = Assert.Single(Citations("A claim [@amnesty-2018]."));

        Assert.False(group.Malformed);
        Assert.Equal([new CitationItem("amnesty-2018", null)], group.Items);
    }

    [Fact]
    public void Reads_a_locator_after_a_comma()
    {
        var group = Assert.Single(Citations("A claim [@amnesty-2018, p. 12]."));

        Assert.Equal([new CitationItem("amnesty-2018", "p. 12")], group.Items);
    }

    [Fact]
    public void Reads_several_citations_separated_by_semicolons()
    {
        var group = Assert.Single(Citations("A claim [@a; @b, para. 3; @c]."));

        Assert.Equal([new CitationItem("a", null), new CitationItem("b", "para. 3"), new CitationItem("c", null)], group.Items);
    }

    [Theory]
    [InlineData("[@]")]
    [InlineData("[@a b]")]
    [InlineData("[@a; b]")]
    [InlineData("[@a,]")]
    public void Keeps_malformed_citations_so_they_can_be_reported(string text) =>
        Assert.True(Assert.Single(Citations("Claim " + text)).Malformed);

    [Fact]
    public void Leaves_ordinary_links_and_brackets_alone()
    {
        var document = TimelineMarkdown.Parse("[a link](https://example.org) and [plain brackets] and an email@example.org.");

        Assert.Empty(document.Descendants<CitationGroup>());
        Assert.Single(document.Descendants<LinkInline>());
    }

    [Fact]
    public void Reads_event_links_with_and_without_words()
    {
        var links = TimelineMarkdown.Parse("See [[first-event]] and [[second-event|the second]].").Descendants<EventLink>().ToList();

        Assert.Equal(["first-event", "second-event"], links.Select(l => l.EventId));
        Assert.Equal([null, "the second"], links.Select(l => l.Label));
    }

    [Fact]
    public void A_citation_or_event_link_ends_before_the_next_bracket_or_line()
    {
        var document = TimelineMarkdown.Parse("Open [@a and [@b] then [[c [[d]] and [[e\nf]] end.");

        Assert.Equal(["b"], document.Descendants<CitationGroup>().SelectMany(g => g.Items).Select(i => i.SourceId));
        Assert.Equal(["d"], document.Descendants<EventLink>().Select(l => l.EventId));
    }

    [Fact]
    public void Knows_the_line_each_citation_is_on()
    {
        var groups = Citations("First line.\n\nThird line [@a].");

        Assert.Equal(2, Assert.Single(groups).Line);
    }

    [Fact]
    public void Shows_raw_html_as_text() =>
        Assert.Contains("&lt;script&gt;", TimelineMarkdown.Render(TimelineMarkdown.Parse("<script>alert(1)</script>")));
}

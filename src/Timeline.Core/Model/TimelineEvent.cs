using Timeline.Dates;

namespace Timeline.Model;

/// <summary>A validated event record: its references are still ids, checked once every record is known.</summary>
public sealed record TimelineEvent(
    string Id,
    DateSpan When,
    string Title,
    string Summary,
    IReadOnlyList<string> Tags,
    IReadOnlyList<Reference> Related,
    IReadOnlyList<Reference> Sources,
    IReadOnlyList<Reference> People,
    IReadOnlyList<Reference> Organisations,
    IReadOnlyList<Reference> Places,
    MarkdownText Body,
    Origin Origin);

/// <summary>Markdown with the file line and column its first character is on, for messages about what it contains.</summary>
public sealed record MarkdownText(string Text, int FirstLine, int Indent)
{
    public static readonly MarkdownText Empty = new("", 1, 0);
}

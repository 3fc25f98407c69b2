using Markdig.Syntax.Inlines;

namespace Timeline.Markdown.Citations;

/// <summary>One source cited in a group, with its optional locator: the "@amnesty-2018, p. 12" of [@amnesty-2018, p. 12].</summary>
internal sealed record CitationItem(string SourceId, string? Locator);

/// <summary>A Pandoc citation such as [@a] or [@a, p. 12; @b]. Note markers are filled in when the document is resolved.</summary>
internal sealed class CitationGroup : LeafInline
{
    public required string RawText { get; init; }

    public required IReadOnlyList<CitationItem> Items { get; init; }

    /// <summary>True when the brackets hold something that is not a valid citation list.</summary>
    public bool Malformed { get; init; }

    public List<NoteMarker> Markers { get; } = [];
}

/// <summary>A numbered marker in the text: note number and the id of this use, for backlinks.</summary>
internal sealed record NoteMarker(int Number, string RefId);

using Markdig.Syntax.Inlines;

namespace Timeline.Markdown.EventLinks;

/// <summary>A link to another event: [[event-id]] or [[event-id|words]]. Its address and title are set when resolved.</summary>
internal sealed class EventLink : LeafInline
{
    public required string EventId { get; init; }

    public string? Label { get; init; }

    public string? Href { get; set; }

    public string? TargetTitle { get; set; }
}

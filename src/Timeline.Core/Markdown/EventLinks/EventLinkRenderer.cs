using Markdig.Renderers.Html;
using Markdig.Renderers;

namespace Timeline.Markdown.EventLinks;

/// <summary>Writes an event link with the target's title, or the author's words.</summary>
internal sealed class EventLinkRenderer : HtmlObjectRenderer<EventLink>
{
    protected override void Write(HtmlRenderer renderer, EventLink link)
    {
        renderer.Write("<a href=\"").WriteEscapeUrl(link.Href ?? "#").Write("\" class=\"event-link\">");
        renderer.WriteEscape(link.Label ?? link.TargetTitle ?? link.EventId);
        renderer.Write("</a>");
    }
}

using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig;

namespace Timeline.Markdown.EventLinks;

/// <summary>Switches on [[event-id]] links between events.</summary>
internal sealed class EventLinkExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<EventLinkParser>())
        {
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new EventLinkParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<EventLinkRenderer>())
        {
            html.ObjectRenderers.Insert(0, new EventLinkRenderer());
        }
    }
}

internal static class EventLinkPipelineExtensions
{
    public static MarkdownPipelineBuilder UseEventLinks(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<EventLinkExtension>();
        return pipeline;
    }
}

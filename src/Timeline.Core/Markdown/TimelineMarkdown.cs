using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Timeline.Markdown.Citations;
using Timeline.Markdown.EventLinks;

namespace Timeline.Markdown;

/// <summary>
/// The one Markdown pipeline of the generator, built once: raw HTML is shown as text, and citations and
/// event links are understood. Parsing and rendering are separate so that references can be resolved between.
/// </summary>
public static class TimelineMarkdown
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePreciseSourceLocation()
        .UseSourceCitations()
        .UseEventLinks()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    public static string Render(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}

using Markdig;

namespace Timeline.Markdown;

/// <summary>One line of Markdown (emphasis, code, links) as inline HTML, raw HTML shown as text: a correction's text.</summary>
internal static class InlineMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string ToHtml(string text)
    {
        var html = Markdig.Markdown.ToHtml(text, Pipeline).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) ? html[3..^4] : html;
    }
}

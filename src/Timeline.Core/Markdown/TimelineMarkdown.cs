using Markdig.Renderers;
using Markdig.Syntax;
using Markdig;
using Timeline.Markdown.Citations;
using Timeline.Markdown.EventLinks;

namespace Timeline.Markdown;

/// <summary>
/// The one Markdown pipeline of the generator, built once: raw HTML is shown as text, and citations and
/// event links are understood. Parsing and rendering are separate so that references can be resolved between.
/// </summary>
internal static class TimelineMarkdown
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePreciseSourceLocation()
        .UseSourceCitations()
        .UseEventLinks()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    /// <summary>
    /// Markdig stops at its depth limit (128 quotes or nested emphases, 64 lists; about 5,000 emphases in one
    /// paragraph, which it nests, but MarkdownLimits stops those first) by throwing ArgumentException, in parsing or in rendering: the only exception
    /// Markdown written by an author can raise, told apart from a bug by Markdig's words (the method that threw is not
    /// known in a program compiled ahead of time; a test feeds Markdig a text too deep, so new words would fail it).
    /// </summary>
    public static bool IsTooDeep(Exception exception) =>
        exception is ArgumentException && exception.Message.StartsWith(MarkdigTooDeep, StringComparison.Ordinal);

    private const string MarkdigTooDeep = "Markdown elements in the input are too deeply nested";

    /// <summary>
    /// The 0-based line where Markdown that is too deep first becomes too deep: the shortest run of whole lines
    /// from the start that Markdig refuses, found by halving, so at most about 20 parses of a 1 MiB text.
    /// </summary>
    public static int FirstTooDeepLine(string markdown)
    {
        var ends = new List<int>();
        for (var i = markdown.IndexOf('\n'); i >= 0; i = markdown.IndexOf('\n', i + 1))
        {
            ends.Add(i);
        }

        ends.Add(markdown.Length);
        int low = 0, high = ends.Count - 1;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (TooDeep(markdown[..ends[middle]]))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    private static bool TooDeep(string markdown)
    {
        try
        {
            Render(Parse(markdown));
            return false;
        }
        catch (Exception ex) when (IsTooDeep(ex))
        {
            return true;
        }
    }

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

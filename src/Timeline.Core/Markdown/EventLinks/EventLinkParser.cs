using Markdig.Helpers;
using Markdig.Parsers;

namespace Timeline.Markdown.EventLinks;

/// <summary>Parses [[event-id]] and [[event-id|words]] on one line.</summary>
internal sealed class EventLinkParser : InlineParser
{
    public EventLinkParser()
    {
        OpeningCharacters = ['['];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '[')
        {
            return false;
        }

        var start = slice.Start;
        var text = slice.Text;
        if (Close(text, start + 2, slice.End) is not (var close and >= 0))
        {
            return false;
        }

        var inner = text.Substring(start + 2, close - start - 2);
        var bar = inner.IndexOf('|');
        var id = (bar < 0 ? inner : inner[..bar]).Trim();
        var label = bar < 0 ? null : inner[(bar + 1)..].Trim();
        if (id.Length == 0)
        {
            return false;
        }

        processor.Inline = new EventLink
        {
            EventId = id,
            Label = string.IsNullOrEmpty(label) ? null : label,
            Span = new Markdig.Syntax.SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(close + 1)),
            Line = line,
            Column = column,
        };
        slice.Start = close + 2;
        return true;
    }

    /// <summary>
    /// Where the closing "]]" is, from <paramref name="from"/> to <paramref name="end"/> (inclusive), or -1 when a
    /// line break or another '[' comes first. Stopping at the next '[' keeps the scans of a paragraph linear.
    /// </summary>
    private static int Close(string text, int from, int end)
    {
        while (from <= end)
        {
            var found = text.IndexOfAny(['[', ']', '\n'], from, end - from + 1);
            if (found < 0 || text[found] != ']')
            {
                return -1;
            }

            if (found < end && text[found + 1] == ']')
            {
                return found;
            }

            from = found + 1;
        }

        return -1;
    }
}

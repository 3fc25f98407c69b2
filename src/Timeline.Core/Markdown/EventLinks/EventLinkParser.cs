using Markdig.Helpers;
using Markdig.Parsers;

namespace Timeline.Markdown.EventLinks;

/// <summary>Parses [[event-id]] and [[event-id|words]] on one line.</summary>
public sealed class EventLinkParser : InlineParser
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
        var close = text.IndexOf("]]", start + 2, slice.End - start - 1, StringComparison.Ordinal);
        var newline = text.IndexOf('\n', start, slice.End - start + 1);
        if (close < 0 || (newline >= 0 && newline < close))
        {
            return false;
        }

        var inner = text.Substring(start + 2, close - start - 2);
        var bar = inner.IndexOf('|');
        var id = (bar < 0 ? inner : inner[..bar]).Trim();
        var label = bar < 0 ? null : inner[(bar + 1)..].Trim();
        if (id.Length == 0 || inner.Contains('['))
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
}

using Markdig.Helpers;
using Markdig.Parsers;

namespace Timeline.Markdown.Citations;

/// <summary>
/// Parses Pandoc citations: [@id], [@id, locator] and [@a; @b]. Anything else in brackets that starts
/// with '@' is kept as a malformed group so that it can be reported, never silently shown as text.
/// </summary>
internal sealed class CitationParser : InlineParser
{
    public CitationParser()
    {
        OpeningCharacters = ['['];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '@')
        {
            return false;
        }

        var start = slice.Start;
        var text = slice.Text;
        // Look no further than the next '[': a scan to the paragraph's end from every '[@' would be quadratic.
        var close = text.IndexOfAny(['[', ']'], start + 1, slice.End - start);
        if (close < 0 || text[close] == '[')
        {
            return false;
        }

        var raw = text.Substring(start, close - start + 1);
        var inner = text.Substring(start + 1, close - start - 1);
        var items = new List<CitationItem>();
        var malformed = false;
        foreach (var part in inner.Split(';'))
        {
            var item = part.Trim();
            if (item.Length < 2 || item[0] != '@')
            {
                malformed = true;
                continue;
            }

            var comma = item.IndexOf(',');
            var id = (comma < 0 ? item[1..] : item[1..comma]).Trim();
            var locator = comma < 0 ? null : item[(comma + 1)..].Trim();
            if (id.Length == 0 || id.Any(char.IsWhiteSpace) || locator is { Length: 0 })
            {
                malformed = true;
                continue;
            }

            items.Add(new CitationItem(id, locator));
        }

        var group = new CitationGroup
        {
            RawText = raw,
            Items = items,
            Malformed = malformed || items.Count == 0,
            Span = new Markdig.Syntax.SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(close)),
            Line = line,
            Column = column,
        };
        processor.Inline = group;
        slice.Start = close + 1;
        return true;
    }
}

using System.Net;
using System.Text;

namespace Timeline.Languages;

/// <summary>
/// Finds the runs of left-to-right script in a text written right to left: a quoted English headline, a web address,
/// an acronym, a case number. A page isolates each run, so that the bidirectional algorithm does not scatter its
/// punctuation and digits across the right-to-left sentence around it.
/// </summary>
internal static class LeftToRightRuns
{
    /// <summary>The text in pieces, in order; LeftToRight marks the runs to isolate. Joined, the pieces are the text.</summary>
    public static IReadOnlyList<(string Text, bool LeftToRight)> Split(string text)
    {
        var parts = new List<(string, bool)>();
        var done = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsLeftToRightLetter(text[i]))
            {
                i++;
                continue;
            }

            var end = RunEnd(text, i);
            if (i > done)
            {
                parts.Add((text[done..i], false));
            }

            parts.Add((text[i..(end + 1)], true));
            done = i = end + 1;
        }

        if (done < text.Length)
        {
            parts.Add((text[done..], false));
        }

        return parts;
    }

    /// <summary>
    /// A rendered page in a right-to-left language with each left-to-right run of its text (an acronym, a case number,
    /// an address, an English title, a theme string such as "X (Twitter)") marked as written in
    /// <paramref name="language"/>: lang and dir isolate it, so that the bidirectional algorithm does not scatter its
    /// brackets, slashes and digits across the sentence around it. Tags and attributes are kept as they are; so is
    /// text that is not shown as text (title, script, style, textarea, svg) and text inside an element that sets its
    /// own direction left to right already, or inside code, which the stylesheet sets left to right. A page without
    /// such a run is returned as it came.
    /// </summary>
    public static string IsolateInPage(string html, string language)
    {
        var open = $"<span{PageLanguage.Attributes(language)}>";
        StringBuilder? result = null;
        var stack = new List<(string Name, bool LeftToRight)>();
        var leftToRight = 0;
        var copied = 0;
        var i = html.IndexOf('<');
        while (i >= 0 && i < html.Length)
        {
            var end = html.IndexOf('>', i);
            if (end < 0)
            {
                break;
            }

            var tag = html.AsSpan(i + 1, end - i - 1);
            var next = end + 1;
            if (tag.StartsWith("!--"))
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                next = close < 0 ? html.Length : close + 3;
            }
            else if (tag.Length > 0 && tag[0] == '/')
            {
                var name = TagName(tag[1..]);
                var at = stack.FindLastIndex(e => e.Name == name);
                for (var k = stack.Count - 1; at >= 0 && k >= at; k--)
                {
                    leftToRight -= stack[k].LeftToRight ? 1 : 0;
                    stack.RemoveAt(k);
                }
            }
            else if (tag.Length > 0 && char.IsAsciiLetter(tag[0]))
            {
                var name = TagName(tag);
                if (RawText.Contains(name))
                {
                    // Its content is not text of the page: skipped to its end tag whole.
                    var close = html.IndexOf("</" + name, next, StringComparison.OrdinalIgnoreCase);
                    next = close < 0 ? html.Length : close;
                }
                else if (!Void.Contains(name) && tag[^1] != '/')
                {
                    var isolates = name is "code" or "pre" || tag.Contains(" dir=\"ltr\"", StringComparison.Ordinal);
                    stack.Add((name, isolates));
                    leftToRight += isolates ? 1 : 0;
                }
            }

            // The text up to the next tag.
            var textEnd = html.IndexOf('<', next);
            textEnd = textEnd < 0 ? html.Length : textEnd;
            if (leftToRight == 0 && textEnd > next && HasLeftToRightLetter(html.AsSpan(next, textEnd - next))
                && Split(WebUtility.HtmlDecode(html[next..textEnd])) is var runs && runs.Any(r => r.LeftToRight))
            {
                result ??= new StringBuilder(html.Length + 1024);
                result.Append(html, copied, next - copied);
                foreach (var (piece, run) in runs)
                {
                    result.Append(run ? open : "").Append(Escape(piece)).Append(run ? "</span>" : "");
                }

                copied = textEnd;
            }

            i = textEnd;
        }

        return result is null ? html : result.Append(html, copied, html.Length - copied).ToString();
    }

    private static readonly HashSet<string> RawText = new(["title", "script", "style", "textarea", "svg"], StringComparer.Ordinal);

    private static readonly HashSet<string> Void = new(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"], StringComparer.Ordinal);

    private static string TagName(ReadOnlySpan<char> tag)
    {
        var length = 0;
        while (length < tag.Length && (char.IsAsciiLetterOrDigit(tag[length]) || tag[length] == '-'))
        {
            length++;
        }

        return tag[..length].ToString().ToLowerInvariant();
    }

    private static bool HasLeftToRightLetter(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsLeftToRightLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    // As HTML text needs it.
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>
    /// The last character of the run starting at a letter: it goes on over letters, ASCII digits, spaces and
    /// punctuation, and ends at its last letter, digit or closing bracket that matches one opened inside it, so that
    /// "WTMJ (wtmj.com)" is one run but the parentheses of «(AFP)» stay the sentence's own.
    /// </summary>
    private static int RunEnd(string text, int start)
    {
        var last = start;
        var depth = 0;
        for (var j = start + 1; j < text.Length; j++)
        {
            var c = text[j];
            if (IsLeftToRightLetter(c) || c is >= '0' and <= '9')
            {
                if (depth == 0)
                {
                    last = j;
                }
            }
            else if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']')
            {
                if (depth == 0)
                {
                    break;
                }

                if (--depth == 0)
                {
                    last = j;
                }
            }
            else if (!IsJoining(c))
            {
                break;
            }
        }

        return last;
    }

    private static bool IsLeftToRightLetter(char c) => char.IsLetter(c) && !IsRightToLeftScript(c);

    // Spaces and the punctuation of left-to-right text (an apostrophe, a colon, a slash of an address); not the
    // guillemets, which Persian quotes with.
    private static bool IsJoining(char c) =>
        c == ' ' || (c is > ' ' and < '\u007f' && !char.IsLetterOrDigit(c)) || c is >= '\u2010' and <= '\u2027';

    // Hebrew, Arabic (with Persian letters, digits and punctuation) and their presentation forms.
    private static bool IsRightToLeftScript(char c) =>
        c is >= '\u0590' and <= '\u08ff' or >= '\ufb1d' and <= '\ufdff' or >= '\ufe70' and <= '\ufeff';
}

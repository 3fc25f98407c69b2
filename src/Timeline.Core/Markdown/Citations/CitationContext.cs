using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Timeline.Markdown.EventLinks;

namespace Timeline.Markdown.Citations;

/// <summary>
/// The words a citation stands in, for the source's page: the sentence its marker closes or sits in, as plain text
/// of the rendered Markdown (emphasis and links reduced to their words, event links to the title they show, other
/// markers left out, white space folded). A sentence ends at '.', '!', '?', '…' or '؟' followed by a space (and
/// closing quotes or brackets) and then anything but a lower-case letter, or a number after a short word, so
/// "e.g. the" or "p. 5" do not end one.
/// A sentence longer than <see cref="MaxLength"/> is cut on word boundaries around the marker, marked with '…':
/// the words before a marker are what it supports, so they get most of the room.
/// </summary>
internal static class CitationContext
{
    public const int MaxLength = 240;

    // Of the room, what the words before the marker may take when those after it need it.
    private const int BeforeShare = 170;

    private const string Ellipsis = "…";

    /// <summary>The context of each group, found after event links were resolved (their titles are part of the text).</summary>
    public static Dictionary<CitationGroup, string> Of(IEnumerable<CitationGroup> groups)
    {
        var contexts = new Dictionary<CitationGroup, string>(ReferenceEqualityComparer.Instance);
        foreach (var paragraph in groups.GroupBy(Block, ReferenceEqualityComparer.Instance))
        {
            if (paragraph.Key is not LeafBlock block || block.Inline is null)
            {
                continue;
            }

            var text = new StringBuilder();
            var offsets = new Dictionary<CitationGroup, int>(ReferenceEqualityComparer.Instance);
            Append(block.Inline, text, offsets);
            var plain = text.ToString();
            foreach (var group in paragraph)
            {
                if (offsets.TryGetValue(group, out var offset))
                {
                    contexts[group] = Around(plain, offset);
                }
            }
        }

        return contexts;
    }

    /// <summary>The sentence around a marker at <paramref name="marker"/> in folded plain text, cut to <see cref="MaxLength"/>.</summary>
    public static string Around(string text, int marker)
    {
        // A marker after the sentence's full stop ("killings. [1]") closes that sentence; one before it sits in it.
        var before = marker;
        while (before > 0 && text[before - 1] == ' ')
        {
            before--;
        }

        var closed = before > 0 && EndsSentence(text, LastNonClosing(text, before));
        var start = SentenceStart(text, closed ? LastNonClosing(text, before) : before);
        var end = closed ? before : SentenceEnd(text, marker);
        return Cut(text, start, marker, end);
    }

    private static object Block(CitationGroup group)
    {
        Inline inline = group;
        while (inline.Parent is { } parent)
        {
            inline = parent;
        }

        return (object?)(inline as ContainerInline)?.ParentBlock ?? group;
    }

    private static void Append(ContainerInline container, StringBuilder text, Dictionary<CitationGroup, int> offsets)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case CitationGroup group:
                    offsets[group] = TrimmedLength(text);
                    break;
                case LiteralInline literal:
                    Add(text, literal.Content.ToString());
                    break;
                case CodeInline code:
                    Add(text, code.Content);
                    break;
                case HtmlEntityInline entity:
                    Add(text, entity.Transcoded.ToString());
                    break;
                case LineBreakInline:
                    Add(text, " ");
                    break;
                case EventLink link:
                    Add(text, link.Label ?? link.TargetTitle ?? link.EventId);
                    break;
                case AutolinkInline autolink:
                    Add(text, autolink.Url);
                    break;
                case ContainerInline inner:
                    Append(inner, text, offsets);
                    break;
            }
        }
    }

    // A marker attached to the word before it: any space already written before it is not part of the sentence.
    private static int TrimmedLength(StringBuilder text)
    {
        var length = text.Length;
        while (length > 0 && text[length - 1] == ' ')
        {
            length--;
        }

        return length;
    }

    /// <summary>Appends text with every run of white space folded into one space, and none at the start.</summary>
    private static void Add(StringBuilder text, string piece)
    {
        foreach (var c in piece)
        {
            if (char.IsWhiteSpace(c))
            {
                if (text.Length > 0 && text[^1] != ' ')
                {
                    text.Append(' ');
                }
            }
            else
            {
                text.Append(c);
            }
        }
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '…' or '؟';

    private static bool IsClosing(char c) => c is '"' or '\'' or ')' or ']' or '”' or '’' or '»' or '›';

    /// <summary>The index just after the last character before <paramref name="end"/> that is not a closing quote or bracket.</summary>
    private static int LastNonClosing(string text, int end)
    {
        while (end > 0 && IsClosing(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>Whether the character before <paramref name="end"/> ends a sentence.</summary>
    private static bool EndsSentence(string text, int end) => end > 0 && IsTerminator(text[end - 1]);

    /// <summary>Whether a terminator at <paramref name="i"/> ends a sentence: a space follows (after closing marks), then no lower-case letter.</summary>
    private static bool IsBoundary(string text, int i)
    {
        if (!IsTerminator(text[i]))
        {
            return false;
        }

        var j = i + 1;
        while (j < text.Length && (IsClosing(text[j]) || IsTerminator(text[j])))
        {
            j++;
        }

        if (j >= text.Length)
        {
            return true;
        }

        if (text[j] != ' ')
        {
            return false;
        }

        return j + 1 >= text.Length || !(char.IsLower(text[j + 1]) || (char.IsAsciiDigit(text[j + 1]) && IsAbbreviation(text, i)));
    }

    /// <summary>Whether the full stop at <paramref name="dot"/> ends a short word such as "p", "para" or "No": "p. 5" goes on.</summary>
    private static bool IsAbbreviation(string text, int dot)
    {
        var start = dot;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        return text[dot] == '.' && dot - start is >= 1 and <= 4;
    }

    /// <summary>Where the sentence holding the character before <paramref name="at"/> starts.</summary>
    private static int SentenceStart(string text, int at)
    {
        for (var i = at - 2; i >= 0; i--)
        {
            if (IsBoundary(text, i))
            {
                var start = i + 1;
                while (start < text.Length && (IsClosing(text[start]) || text[start] == ' '))
                {
                    start++;
                }

                return Math.Min(start, at);
            }
        }

        return 0;
    }

    /// <summary>Where the sentence that goes on after <paramref name="from"/> ends, its closing marks included.</summary>
    private static int SentenceEnd(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (IsBoundary(text, i))
            {
                var end = i + 1;
                while (end < text.Length && (IsClosing(text[end]) || IsTerminator(text[end])))
                {
                    end++;
                }

                return end;
            }
        }

        return text.Length;
    }

    private static string Cut(string text, int start, int marker, int end)
    {
        marker = Math.Clamp(marker, start, end);
        var before = text[start..marker].Trim();
        var after = text[marker..end].Trim();
        if (before.Length + after.Length + 1 <= MaxLength)
        {
            return Join(before, after);
        }

        var roomBefore = Math.Max(BeforeShare, MaxLength - after.Length - 1);
        if (before.Length > roomBefore)
        {
            before = Ellipsis + KeepEnd(before, roomBefore - Ellipsis.Length);
        }

        var roomAfter = MaxLength - before.Length - 1;
        if (after.Length > roomAfter)
        {
            after = KeepStart(after, roomAfter - Ellipsis.Length) + Ellipsis;
        }

        return Join(before, after);
    }

    // Punctuation that closes what the marker stands after ("killings[1]." gives "killings.") is written without a space.
    private static string Join(string before, string after) =>
        after.Length == 0 ? before : before.Length == 0 ? after : char.IsLetterOrDigit(after[0]) || after[0] is '(' or '“' or '«' or '"' ? before + " " + after : before + after;

    /// <summary>The last words of a text, at most <paramref name="length"/> characters, starting at a word.</summary>
    private static string KeepEnd(string text, int length)
    {
        var from = text.Length - Math.Max(0, length);
        var space = text.IndexOf(' ', Math.Max(0, from - 1));
        return space < 0 || space + 1 >= text.Length ? text[Math.Max(0, from)..] : text[(space + 1)..];
    }

    /// <summary>The first words of a text, at most <paramref name="length"/> characters, ending at a word.</summary>
    private static string KeepStart(string text, int length)
    {
        if (length <= 0)
        {
            return "";
        }

        var space = text.LastIndexOf(' ', Math.Min(length, text.Length - 1));
        return (space <= 0 ? text[..Math.Min(length, text.Length)] : text[..space]).TrimEnd(',', ';', ':', ' ');
    }
}

using System.Globalization;
using System.Text;

namespace Timeline.Views;

/// <summary>
/// The text a share link puts in the post: the title, the date and the summary ("Title (19 July 1988): Summary."),
/// shortened at a word, with an ellipsis, to what each network takes beside the page's address.
/// </summary>
internal static class ShareText
{
    /// <summary>X counts a post in weighted characters, at most 280; any address counts as 23 (its t.co link).</summary>
    public const int XLimit = 280;

    public const int XUrlLength = 23;

    /// <summary>Bluesky: 300 graphemes; the address is counted in full, as the composer receives it as text.</summary>
    public const int BlueskyLimit = 300;

    /// <summary>Reddit: a title of at most 300 characters.</summary>
    public const int RedditTitleLimit = 300;

    /// <summary>Telegram: a message of at most 4,096 characters.</summary>
    public const int TelegramLimit = 4096;

    private const string Ellipsis = "…";

    public static string Compose(string title, string date, string summary) =>
        summary.Length == 0 ? $"{title} ({date})" : $"{title} ({date}): {summary}";

    /// <summary>The post for X: the text, then a space and the address (23).</summary>
    public static string ForX(string text) => Fit(text, XLimit - XUrlLength - 1, XWeight);

    /// <summary>The post for Bluesky: the text, a space and the address, in 300 graphemes.</summary>
    public static string ForBluesky(string text, string url) =>
        Fit(text, BlueskyLimit - 1 - new StringInfo(url).LengthInTextElements, Graphemes) + " " + url;

    /// <summary>
    /// The text cut to at most <paramref name="budget"/> as <paramref name="measure"/> counts it: at the last space that
    /// leaves room for the ellipsis, or inside the word when there is none.
    /// </summary>
    public static string Fit(string text, int budget, Func<string, int> measure)
    {
        if (measure(text) <= budget)
        {
            return text;
        }

        // Each grapheme is measured once and the sizes added up: measuring the whole cut again at every grapheme made
        // this quadratic, and it was the largest part of building an event's view (2 ms an event). The three measures
        // used add up over graphemes; the result is checked, and cut the slow way if one ever did not.
        var fitted = Cut(text, measure(Ellipsis), budget, (cut, element, used) => used + measure(element));
        return measure(fitted) <= budget ? fitted : Cut(text, measure(Ellipsis), budget, (cut, element, _) => measure(cut + element));
    }

    // The text's graphemes while `size` (of the cut so far, the next grapheme and the size so far) stays in the room
    // the ellipsis leaves, ending at the last space when there is one, then the ellipsis.
    private static string Cut(string text, int ellipsis, int budget, Func<StringBuilder, string, int, int> size)
    {
        var room = budget - ellipsis;
        var elements = StringInfo.GetTextElementEnumerator(text);
        var cut = new StringBuilder();
        var lastSpace = -1;
        var used = 0;
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var next = size(cut, element, used);
            if (next > room)
            {
                break;
            }

            if (element == " ")
            {
                lastSpace = cut.Length;
            }

            cut.Append(element);
            used = next;
        }

        var kept = lastSpace > 0 ? cut.ToString(0, lastSpace) : cut.ToString();
        return kept.TrimEnd(' ', ',', ':', ';', '.', '،', '؛') + Ellipsis;
    }

    public static int Graphemes(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>
    /// X's weighted length (twitter-text 3): code points in its light ranges (Latin, Arabic and Persian among them,
    /// and common punctuation) count 1, every other code point 2 (CJK, emoji, and the ellipsis).
    /// </summary>
    public static int XWeight(string text)
    {
        var weight = 0;
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var c = rune.Value;
            weight += c is (>= 0 and <= 4351) or (>= 8192 and <= 8205) or (>= 8208 and <= 8223) or (>= 8242 and <= 8247) ? 1 : 2;
        }

        return weight;
    }
}

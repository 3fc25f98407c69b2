using System.Globalization;
using System.Text;
using Timeline.Languages;

namespace Timeline.Publishing.Reuse;

/// <summary>One ready citation of an entry: the style's id (apa, mla, chicago), its name and the citation as HTML.</summary>
internal sealed record StyledCitation(string Style, string Name, string Html);

/// <summary>
/// An entry cited as a web page in three named styles, written as the official CSL styles make citeproc-js (the
/// engine of Zotero) write it from the entry's cite.json: APA 7, MLA 9 and Chicago 17 notes and bibliography
/// (its bibliography entry). Titles are italic (&lt;i&gt;) where a style wants them so. Where a style wants an access
/// date (only when the entry has no date of its own), the citation holds an empty
/// &lt;span class="cite-accessed" data-style="…"&gt; that the theme's script fills with today's date; without the
/// script it stays empty and the citation reads whole without it. The tests compare every shipped entry's
/// citations with citeproc-js's.
/// </summary>
internal static class CitationStyles
{
    // citeproc-js's words that title case leaves in lower case (CSL.SKIP_WORDS, single words only).
    private static readonly HashSet<string> StopWords = new(
        """
        about above across afore after against al along alongside amid amidst among amongst anenst apropos apud around as aside astride at athwart
        atop barring before behind below beneath beside besides between beyond but by circa despite down during et except for forenenst from given
        in inside into lest like modulo near next notwithstanding of off on onto out over per plus pro qua sans since than through throughout thruout
        till to toward towards under underneath until unto up upon versus vs. v. vs v via vis-à-vis with within without or yet so and nor a an the de
        d' von van c ca
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    private static readonly string[] ShortMonths = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

    public static IReadOnlyList<StyledCitation> All(EntryCitation c) =>
    [
        new("apa", "APA 7", Apa(c)),
        new("mla", "MLA 9", Mla(c)),
        new("chicago", "Chicago 17", Chicago(c)),
    ];

    /// <summary>APA 7, a web page: <i>Title</i>. (2024, May 3). Site; Publisher. URL</summary>
    public static string Apa(EntryCitation c)
    {
        var title = Smart(c.Title);
        var text = new StringBuilder();
        text.Append("<i>").Append(Html(title)).Append("</i>").Append(Ends(title) ? " " : ". ");
        text.Append(Isolated(c, "(" + (c.Issued is { } d ? $"{d.Year}, {Month(d)} {d.Day}" : "n.d.") + ")")).Append(". ");
        text.Append(Html(Smart(c.SiteTitle)));
        if (c.DistinctPublisher is { } publisher)
        {
            text.Append("; ").Append(Html(Smart(publisher)));
        }

        text.Append(Ends(c.DistinctPublisher ?? c.SiteTitle) ? " " : ". ");
        if (c.Issued is null)
        {
            text.Append(Accessed("apa"));
        }

        return text.Append(Isolated(c, Html(c.Url))).ToString();
    }

    /// <summary>MLA 9, a web page: “Title.” <i>Site</i>, Publisher, 3 May 2024, URL.</summary>
    public static string Mla(EntryCitation c)
    {
        var english = IsEnglish(c.Language);
        var title = Quoted(c.Title, english);
        var text = new StringBuilder(title.Html);
        text.Append(title.Ends ? " " : ".” ");
        text.Append("<i>").Append(Html(Case(Smart(c.SiteTitle), english))).Append("</i>");
        if (c.DistinctPublisher is { } publisher)
        {
            text.Append(", ").Append(Html(Smart(publisher)));
        }

        if (c.Issued is { } d)
        {
            text.Append(", ").Append(Isolated(c, $"{d.Day} {ShortMonths[d.Month - 1]} {d.Year}"));
        }

        text.Append(", ").Append(Isolated(c, Html(c.Url))).Append('.');
        if (c.Issued is null)
        {
            text.Append(Accessed("mla"));
        }

        return text.ToString();
    }

    /// <summary>Chicago 17 notes and bibliography, a web page's bibliography entry: Site. “Title,” May 3, 2024. URL.</summary>
    public static string Chicago(EntryCitation c)
    {
        var english = IsEnglish(c.Language);
        var title = Quoted(c.Title, english);
        var site = Smart(c.SiteTitle);
        var text = new StringBuilder(Html(site)).Append(Ends(site) ? " " : ". ").Append(title.Html);
        var publisher = c.DistinctPublisher;

        // The date follows the title with a comma, unless a publisher comes between them (then a full stop does).
        if (c.Issued is { } d)
        {
            text.Append(title.Ends ? " " : publisher is null ? ",” " : ".” ");
            if (publisher is not null)
            {
                text.Append(Html(Smart(publisher))).Append(", ");
            }

            text.Append(Isolated(c, $"{Month(d)} {d.Day}, {d.Year}")).Append(". ");
        }
        else
        {
            text.Append(title.Ends ? " " : ".” ");
            if (publisher is not null)
            {
                text.Append(Html(Smart(publisher))).Append(". ");
            }

            text.Append(Accessed("chicago"));
        }

        return text.Append(Isolated(c, Html(c.Url))).Append('.').ToString();
    }

    /// <summary>
    /// A date or an address, which are written left to right, isolated in the citation of an entry in a language
    /// written right to left: else its brackets and slashes would be set in the order of the text around them.
    /// </summary>
    private static string Isolated(EntryCitation c, string html) =>
        LanguageProfile.For(c.Language).IsRightToLeft ? $"<bdi dir=\"ltr\">{html}</bdi>" : html;

    /// <summary>The slot the theme's script fills with today's date in the style's form.</summary>
    private static string Accessed(string style) => $"<span class=\"cite-accessed\" data-style=\"{style}\"></span>";

    /// <summary>
    /// A title in quotation marks, as MLA and Chicago give it: in title case when English, its own double quotation
    /// marks turned to single ones inside ours. The closing mark is left to the caller (it follows the style's
    /// punctuation) unless the title ends with its own (?, !, .), when the mark is written here.
    /// </summary>
    private static (string Html, bool Ends) Quoted(string title, bool english)
    {
        var text = Case(Smart(title), english).Replace('“', '‘').Replace('”', '’');
        return Ends(text) ? ("“" + Html(text) + "”", true) : ("“" + Html(text), false);
    }

    private static bool Ends(string text) => text.Length > 0 && text[^1] is '.' or '?' or '!';

    private static bool IsEnglish(string language) => language == "en" || language.StartsWith("en-", StringComparison.Ordinal);

    private static string Month(DateOnly d) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(d.Month);

    private static string Case(string text, bool english) => english ? TitleCase(text) : text;

    /// <summary>Straight quotation marks made typographic, as citeproc-js prints them: ' as ’ (or ‘ opening), " as “ or ”.</summary>
    private static string Smart(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var opening = i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[';
            result.Append(text[i] switch
            {
                '\'' => opening ? '‘' : '’',
                '"' => opening ? '“' : '”',
                var c => c,
            });
        }

        return result.ToString();
    }

    private static string Html(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>
    /// citeproc-js's title case: every word of two letters or more that is all lower case and not a stop word gets a
    /// capital, and so does the first word, a word after ':', '?' or '!', and a stop word at the end; a word with a
    /// capital anywhere is left alone, and so is the letter after an apostrophe ("Khomeini’s").
    /// </summary>
    public static string TitleCase(string text)
    {
        var result = new StringBuilder(text.Length);
        var first = true;
        var afterPunctuation = false;
        (int Start, int Length)? last = null;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsBreak(c))
            {
                if (c is ':' or '?' or '!')
                {
                    afterPunctuation = true;
                }

                result.Append(c);
                i++;

                // After an apostrophe or a closing mark with nothing open, the next letter keeps its case.
                if (c is '’' or '\'' && i < text.Length && !char.IsWhiteSpace(text[i]) && !IsBreak(text[i]))
                {
                    var end = i;
                    while (end < text.Length && !char.IsWhiteSpace(text[end]) && !IsBreak(text[end]))
                    {
                        end++;
                    }

                    result.Append(text, i, end - i);
                    first = false;
                    afterPunctuation = false;
                    i = end;
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                result.Append(c);
                i++;
                continue;
            }

            var stop = i;
            while (stop < text.Length && !char.IsWhiteSpace(text[stop]) && !IsBreak(text[stop]))
            {
                stop++;
            }

            var word = text[i..stop];
            var lower = word.ToLowerInvariant();
            var followedByHyphen = stop < text.Length && text[stop] == '-';
            var capitalise = (word.Length > 1 && !StopWords.Contains(lower)) || first || afterPunctuation || followedByHyphen;
            last = (result.Length, word.Length);
            result.Append(capitalise && word == lower ? Capitalise(word) : word);
            first = false;
            afterPunctuation = false;
            i = stop;
        }

        // A stop word that ends the title is capitalised.
        if (last is var (start, length) && length > 1 && StopWords.Contains(result.ToString(start, length).ToLowerInvariant()))
        {
            result[start] = char.ToUpperInvariant(result[start]);
        }

        return result.ToString();
    }

    // The characters citeproc-js splits a title at before casing its words.
    private static bool IsBreak(char c) => c is '‘' or '’' or '“' or '”' or '"' or '\'' or '-' or '–' or '—' or '/' or '.' or ',' or ';' or '?' or '!' or ':' or '[' or ']' or '(' or ')';

    private static string Capitalise(string word) =>
        word.Length == 1 && word[0] is >= '\u0370' and <= '\u03FF' ? word : char.ToUpperInvariant(word[0]) + word[1..];
}

using System.Text.Json.Nodes;
using System.Text;
using Timeline.Dates;
using Timeline.Languages;

namespace Timeline.Publishing.Reuse;

/// <summary>
/// How to cite one entry of the timeline: the site as institutional author, the entry's title, the date of the
/// event at the precision the record has, and the entry's address. The reader adds the date they read it.
/// </summary>
internal sealed record EntryCitation(string Key, string SiteTitle, string Title, string Summary, DateSpan When, string Url, string Language)
{
    /// <summary>The citation as readers copy it: Site. “Title” (date). URL. Accessed [date].</summary>
    public string Text => $"{Stop(SiteTitle)} “{Title}” ({EnglishDates.Format(When)}). {Url}. Accessed [date].";

    /// <summary>The citation in a page's language: the theme's wording (placeholders site, title, date, url) and its date.</summary>
    public string Written(string wording, string dateText) =>
        ThemeStrings.Fill(wording, ("site", Stop(SiteTitle)), ("title", Title), ("date", dateText), ("url", Url));

    /// <summary>
    /// CSL-JSON (Zotero, Pandoc, citeproc): one "webpage" item, the site as a literal author and as the container.
    /// The event's date is CSL's event-date; "issued" (publication) is left out because the build knows no
    /// publication date, and "accessed" is left to the reader.
    /// </summary>
    public string CslJson()
    {
        var date = new JsonObject { ["date-parts"] = new JsonArray(DateParts().ToArray()) };
        if (When.Circa)
        {
            date["circa"] = true;
        }

        var item = new JsonObject
        {
            ["id"] = Key,
            ["type"] = "webpage",
            ["title"] = Title,
            ["author"] = new JsonArray(new JsonObject { ["literal"] = SiteTitle }),
            ["container-title"] = SiteTitle,
            ["event-date"] = date,
            ["URL"] = Url,
            ["abstract"] = Summary,
            ["language"] = Language,
        };
        return ReuseJson.Write(new JsonArray(item));
    }

    /// <summary>
    /// A biblatex @online entry. The event's date goes in 'date', which @online requires and every style prints, in
    /// biblatex's EDTF form: 1988, 1988-07, 1988-07-19, a range with '/', and '~' on each end when it is circa.
    /// 'urldate' is left out rather than empty (an empty date is malformed to biber); a comment line, which
    /// BibTeX skips as text outside any entry, asks the reader for it. Such text must never hold an at sign.
    /// </summary>
    public string BibTex()
    {
        var text = new StringBuilder();
        text.Append("% Add the day you read this entry as: urldate = {YYYY-MM-DD},\n");
        text.Append("@online{").Append(Key).Append(",\n");
        Field(text, "author", "{" + Escape(SiteTitle) + "}");
        Field(text, "title", "{" + Escape(Title) + "}");
        Field(text, "date", EdtfDate());
        Field(text, "url", Url);
        Field(text, "abstract", Escape(Summary));
        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>The date in biblatex's EDTF form.</summary>
    public string EdtfDate()
    {
        var mark = When.Circa ? "~" : "";
        var start = When.Start + mark;
        return When.End is { } end && end != When.Start ? $"{start}/{end}{mark}" : start;
    }

    /// <summary>Escapes TeX's special characters. Braces become commands, not \{ and \}: BibTeX counts every brace.</summary>
    public static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' => @"\textbraceleft{}",
                '}' => @"\textbraceright{}",
                '^' => @"\textasciicircum{}",
                '~' => @"\textasciitilde{}",
                '%' or '&' or '$' or '#' or '_' => "\\" + c,
                '\r' or '\n' or '\t' => " ",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }

    private IEnumerable<JsonNode?> DateParts()
    {
        yield return ReuseJson.DateParts(When.Start);
        if (When.End is { } end && end != When.Start)
        {
            yield return ReuseJson.DateParts(end);
        }
    }

    private static void Field(StringBuilder text, string name, string value) =>
        text.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");

    private static string Stop(string text) =>
        text.EndsWith('.') || text.EndsWith('?') || text.EndsWith('!') ? text : text + ".";
}

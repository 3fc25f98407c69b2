using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Timeline.Dates;

namespace Timeline.Publishing.Reuse;

/// <summary>Who publishes the site, as a citation names it; null until site.yml gives one.</summary>
internal sealed record CitationPublisher(string Name, string? Url);

/// <summary>The licence of the site's text (an SPDX id, its name and link), as the citation files carry it.</summary>
internal sealed record CitationLicense(string Id, string Name, string Url);

/// <summary>
/// How to cite one entry of the timeline: a web page of the site, with the entry's title, the site's title as its
/// container, the day the entry was last changed (or first published) as its date, and its address. The event's own
/// date is kept apart (CSL's event-date, biblatex's eventdate), never given as the date of publication, and the
/// reader's access date is left to the reader's citation manager. With no date of the entry known, none is invented.
/// </summary>
internal sealed record EntryCitation(
    string Key,
    string SiteTitle,
    string Title,
    string Summary,
    DateSpan When,
    string Url,
    string Language,
    DateOnly? Issued,
    CitationPublisher? Publisher = null,
    CitationLicense? License = null)
{
    /// <summary>The publisher, unless it is the site itself: a citation names the site once.</summary>
    public string? DistinctPublisher => Publisher is { } p && !string.Equals(p.Name.Trim(), SiteTitle.Trim(), StringComparison.OrdinalIgnoreCase) ? p.Name : null;

    /// <summary>
    /// CSL-JSON (Zotero, Pandoc, citeproc): one "webpage" item whose container is the site. No author: the site is
    /// not the entry's author, and naming it as one makes APA print it twice.
    /// </summary>
    public string CslJson()
    {
        var item = new JsonObject
        {
            ["id"] = Key,
            ["type"] = "webpage",
            ["title"] = Title,
            ["container-title"] = SiteTitle,
        };
        if (DistinctPublisher is { } publisher)
        {
            item["publisher"] = publisher;
        }

        if (Issued is { } issued)
        {
            item["issued"] = new JsonObject { ["date-parts"] = new JsonArray(new JsonArray(issued.Year, issued.Month, issued.Day)) };
        }

        var eventDate = new JsonObject { ["date-parts"] = new JsonArray(EventDateParts().ToArray()) };
        if (When.Circa)
        {
            eventDate["circa"] = true;
        }

        item["event-date"] = eventDate;
        item["URL"] = Url;
        item["abstract"] = Summary;
        item["language"] = Language;
        if (License is { } license)
        {
            item["license"] = license.Url;
        }

        return ReuseJson.Write(new JsonArray(item));
    }

    /// <summary>
    /// A biblatex @online entry: the site as its organization, the entry's date as 'date', the event's date as
    /// 'eventdate' (EDTF: 1988, 1988-07-19, a range with '/', '~' when circa) and in a note, since BibTeX styles
    /// print no eventdate. 'urldate' is the reader's citation manager's to add.
    /// </summary>
    public string BibTex(string eventNote)
    {
        var text = new StringBuilder();
        text.Append("@online{").Append(Key).Append(",\n");
        Field(text, "title", CaseProtected(Title));
        Field(text, "organization", "{" + Escape(SiteTitle) + "}");
        if (DistinctPublisher is { } publisher)
        {
            Field(text, "publisher", "{" + Escape(publisher) + "}");
        }

        if (Issued is { } issued)
        {
            Field(text, "date", Iso(issued));
        }

        Field(text, "eventdate", EdtfDate());
        Field(text, "url", Url);
        Field(text, "note", Escape(eventNote));
        Field(text, "abstract", Escape(Summary));
        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>The event's date in biblatex's EDTF form.</summary>
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

                // In TeX's default font encoding < and > print as ¡ and ¿.
                '<' => @"\textless{}",
                '>' => @"\textgreater{}",
                '%' or '&' or '$' or '#' or '_' => "\\" + c,
                '\r' or '\n' or '\t' => " ",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }

    /// <summary>
    /// A title for BibTeX with each word that holds a capital in braces, so that a reader that puts titles in
    /// sentence case (as Zotero's Better BibTeX does) keeps "Gohardasht" and "UN": braces around the whole title
    /// are taken by such readers as no protection.
    /// </summary>
    public static string CaseProtected(string title) =>
        string.Join(' ', title.Split(' ').Select(word => word.Any(char.IsUpper) ? "{" + Escape(word) + "}" : Escape(word)));

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private IEnumerable<JsonNode?> EventDateParts()
    {
        yield return ReuseJson.DateParts(When.Start);
        if (When.End is { } end && end != When.Start)
        {
            yield return ReuseJson.DateParts(end);
        }
    }

    private static void Field(StringBuilder text, string name, string value) =>
        text.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");
}

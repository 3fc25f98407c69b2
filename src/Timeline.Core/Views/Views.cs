using Timeline.Model;
using Timeline.Publishing.Reuse;

namespace Timeline.Views;

// What the theme's Liquid templates see. Property names reach templates in snake_case (BodyHtml is body_html).
// Values ending in _html are already safe HTML and are written with the raw filter; every other text is escaped.
// A value named lang (or ending in _lang) is the code of a language other than the page's, or empty: lang_attrs writes it.

/// <summary>The site as a whole: its settings, its main addresses and the year navigation.</summary>
internal sealed record SiteView(
    string Title,
    string Description,
    string Language,
    string BaseUrl,
    string HomeUrl,
    string SourcesUrl,
    string TagsUrl,
    string StylesheetUrl,
    string EventsDataUrl,
    string SourcesDataUrl,
    string SearchUrl,
    string FeedUrl,
    IReadOnlyList<LinkView> Nav,
    IReadOnlyList<YearLinkView> Years)
{
    /// <summary>The direction of the page's language: "ltr" or "rtl".</summary>
    public string Direction { get; init; } = "ltr";

    /// <summary>The theme's assets/ folder (/assets/), for the files the theme names itself, such as its icons.</summary>
    public string AssetsUrl { get; init; } = "";

    /// <summary>The web font a page in the Arabic script preloads, so nothing moves when it arrives; empty elsewhere.</summary>
    public string FontPreloadUrl { get; init; } = "";

    /// <summary>The default language's code, for data in it such as tags, on another language's pages; empty on its own pages.</summary>
    public string DataLang { get; init; } = "";

    /// <summary>Who publishes the site (Url empty when site.yml gives none), or null.</summary>
    public LinkView? Publisher { get; init; }

    /// <summary>How to reach the publisher (Url a mailto: or http address), or null.</summary>
    public LinkView? Contact { get; init; }

    /// <summary>Where to report an error, or null.</summary>
    public LinkView? CorrectionsContact { get; init; }

    /// <summary>The corrections policy's paragraphs (plain text), empty when there is none; PolicyLang is their language when untranslated.</summary>
    public IReadOnlyList<string> CorrectionsPolicy { get; init; } = [];

    public string CorrectionsPolicyLang { get; init; } = "";

    /// <summary>The licence of the site's text: its name, linked to its terms; or null.</summary>
    public LinkView? License { get; init; }

    /// <summary>Whether site.yml says anything of who stands behind the site: the footer and the about page then say it.</summary>
    public bool HasOwner => Publisher is not null || Contact is not null || CorrectionsContact is not null || License is not null;

    /// <summary>The home page's JSON-LD: the WebSite, its publisher and licence.</summary>
    public string JsonLdHtml { get; init; } = "";
}

/// <summary>
/// What the layout needs to know about the page it wraps. OgType is Open Graph's type ("article" for events);
/// Locale is Open Graph's form of the site's language ("en_GB"); Image is the page's share image.
/// </summary>
internal sealed record PageMeta(string Title, string Description, string Url, string CanonicalUrl, string Kind, string OgType, string Locale, ImageView Image)
{
    /// <summary>The same page in every language (hreflang), x-default last; empty on a site in one language.</summary>
    public IReadOnlyList<AlternateView> Alternates { get; init; } = [];

    /// <summary>Links to the same page in the other languages, for the header's language switch.</summary>
    public IReadOnlyList<AlternateView> Switch { get; init; } = [];
}

/// <summary>A page in one language: its hreflang code, full address, the language's own name and direction.</summary>
internal sealed record AlternateView(string Code, string Url, string Name, string Direction);

/// <summary>A link; Lang is the language of its text when that is not the page's (else empty).</summary>
internal sealed record LinkView(string Title, string Url, string Lang = "");

internal sealed record YearLinkView(int Year, string Url, string Anchor, int Count, string YearText);

/// <summary>
/// A date written for people, in both calendars, and its machine-readable form. The page's language decides the
/// order: Gregorian then Solar Hijri on English pages, Solar Hijri then Gregorian (in Persian) on Persian ones. Text and
/// SecondText are the two calendars as plain text; Html is both, as the theme's partials/date.liquid writes them.
/// </summary>
internal sealed record DateView(string Text, string Html, string SecondText, string Iso, bool Circa);

/// <summary>
/// What partials/date.liquid writes a date from. Start, End (null for a single date) and Separator are the Gregorian
/// date in the page's words, cut where each end gets its own &lt;time&gt;; Solar is the Solar Hijri date, in Persian (with
/// Persian's own word for circa when the Gregorian comes first) when SolarLang is "fa", else in the page's own Latin
/// letters (SolarLang empty); Circa is the page's word for circa, or empty.
/// </summary>
internal sealed record DateMarkupView(bool SolarFirst, string Circa, string Start, string? End, string Separator, string StartIso, string? EndIso, string Solar, string SolarLang);

/// <summary>An event as lists show it.</summary>
/// <summary>Lang is the language of the title and summary when they are untranslated (else empty).</summary>
internal sealed record EventSummaryView(string Id, string Url, string Title, string Summary, DateView Date, int Year, string YearText, string Lang);

/// <summary>An event's own page.</summary>
internal sealed record EventView
{
    public required string Id { get; init; }

    public required string Url { get; init; }

    public required string Title { get; init; }

    public required string Summary { get; init; }

    public required DateView Date { get; init; }

    public required int Year { get; init; }

    public required string YearText { get; init; }

    /// <summary>The language of the title and summary when they are untranslated (else empty).</summary>
    public required string Lang { get; init; }

    public required string YearUrl { get; init; }

    /// <summary>When the entry was first published and last changed, and its corrections.</summary>
    public EntryDatesView Entry { get; init; } = EntryDatesView.None;

    public required string BodyHtml { get; init; }

    /// <summary>Whether the body is shown untranslated; BodyLang is then its language.</summary>
    public required bool BodyFallback { get; init; }

    public required string BodyLang { get; init; }

    public required string EntryMarkersHtml { get; init; }

    public required IReadOnlyList<LinkView> Tags { get; init; }

    public required EventSummaryView? Previous { get; init; }

    public required EventSummaryView? Next { get; init; }

    public required IReadOnlyList<LinkView> People { get; init; }

    public required IReadOnlyList<LinkView> Organisations { get; init; }

    public required IReadOnlyList<LinkView> Places { get; init; }

    /// <summary>
    /// The costly parts (notes, sorted lists, citation, JSON-LD), made when a template first reads one of them: the
    /// embed card, made for every event, shows none.
    /// </summary>
    internal Lazy<EventPageParts> Parts { private get; init; } = new(() => EventPageParts.None);

    public IReadOnlyList<NoteView> Notes => Parts.Value.Notes;

    public IReadOnlyList<EventSummaryView> Related => Parts.Value.Related;

    public IReadOnlyList<EventSummaryView> ReferencedBy => Parts.Value.ReferencedBy;

    /// <summary>The events this one names in 'related' and those that name or link to it, each once, in time order.</summary>
    public IReadOnlyList<EventSummaryView> Connected => Parts.Value.Connected;

    public CitationView Citation => Parts.Value.Citation;

    public string JsonLdHtml => Parts.Value.JsonLdHtml;
}

/// <summary>What an event's page shows beyond its card, made together when first read.</summary>
internal sealed record EventPageParts(
    IReadOnlyList<NoteView> Notes,
    IReadOnlyList<EventSummaryView> Related,
    IReadOnlyList<EventSummaryView> ReferencedBy,
    IReadOnlyList<EventSummaryView> Connected,
    CitationView Citation,
    string JsonLdHtml)
{
    public static readonly EventPageParts None = new([], [], [], [], new CitationView([], "", "", "", "", "", ""), "");
}

/// <summary>
/// How to cite an entry: the citation in each named style (HTML, to copy), the same citation as CSL-JSON and BibTeX
/// files to download, and the script that fills access dates and works the copy buttons. Lang is the language the
/// styles write in (en) when the page is in another, else empty.
/// </summary>
internal sealed record CitationView(IReadOnlyList<StyledCitation> Styles, string CslJsonUrl, string CslJsonName, string BibTexUrl, string BibTexName, string ScriptUrl, string Lang);

/// <summary>
/// An entry's own dates in the page's language: a sentence saying when it was first published and last updated
/// (empty when neither is known), and its corrections, newest first.
/// </summary>
internal sealed record EntryDatesView(string Html, IReadOnlyList<CorrectionView> Corrections, string ChangesUrl)
{
    public static readonly EntryDatesView None = new("", [], "");
}

/// <summary>A correction on an entry's page: "Corrected on {date}: {text}" as HTML; Lang is the text's language when it is untranslated.</summary>
internal sealed record CorrectionView(string Html, string Iso, string Lang);

/// <summary>A dated change on the changes page: the day, what happened (first published, updated, corrected), the entry and the correction's text.</summary>
internal sealed record ChangeView(string DateHtml, string Iso, string Kind, EventSummaryView Entry, string TextHtml, string TextLang);

/// <summary>One numbered note: the source in full, the locator, and links back to every marker.</summary>
internal sealed record NoteView(int Number, string NumberText, string Id, SourceView Source, string? Locator, IReadOnlyList<BackrefView> Backrefs);

internal sealed record BackrefView(string Href, string Label, string Name);

/// <summary>A note marker in the text, for the theme's partials/noteref.liquid: the note's number, its id (note-3) and this marker's own id.</summary>
internal sealed record NoteMarkerView(int Number, string NoteId, string Id);

/// <summary>A source in full, and (on the bibliography) the events that cite it.</summary>
internal sealed record SourceView(
    string Id,
    string Anchor,
    string Url,
    string Title,
    string Publisher,
    string? Author,
    string? DateText,
    string? DateIso,
    string? Link,
    string? ArchiveLink,
    string? AccessedText,
    string Kind,
    string? Note,
    IReadOnlyList<EventSummaryView> CitedBy,
    string Lang)
{
    /// <summary>
    /// The page's own language, for what the page writes inside the source's span (its date, "archived copy"); empty
    /// when the source is in the page's language.
    /// </summary>
    public string PageLang { get; init; } = "";

    /// <summary>The page's language when the title is the source's own in it (inside the source's span); else empty.</summary>
    public string TitleLang { get; init; } = "";

    /// <summary>The language of the note when it is shown untranslated; empty when it is in the page's language.</summary>
    public string NoteLang { get; init; } = "";

    /// <summary>True when the note is shown in the default language because it has no translation into the page's.</summary>
    public bool NoteFallback { get; init; }

    /// <summary>The note in pieces; a piece with a Lang is in another script than the page (a quoted headline, an address).</summary>
    public IReadOnlyList<NotePartView> NoteParts { get; init; } = [];

    /// <summary>Where to look for archived copies (the Internet Archive's list of them) when the source has a link but no recorded archive; else null.</summary>
    public string? ArchiveSearch { get; init; }

    /// <summary>True when the source has neither a link nor an archived copy: the page says no copy was found online.</summary>
    public bool Offline { get; init; }

    /// <summary>The source's entry in the bibliography (/sources/#source-id); Url is its own page.</summary>
    public string BibliographyUrl { get; init; } = "";
}

/// <summary>A source's own page: the source in full, and every entry and page that cites it with the words around each citation.</summary>
internal sealed record SourcePageView(SourceView Source, IReadOnlyList<CitingView> Events, IReadOnlyList<CitingView> Others);

/// <summary>
/// An entry or page that cites a source: its title (Lang when untranslated), its address, its date (events only) and
/// each place it cites the source.
/// </summary>
internal sealed record CitingView(string Title, string Url, string Lang, DateView? Date, IReadOnlyList<CitationUseView> Uses);

/// <summary>
/// One citation of a source: a link to its marker, the note's number and locator, and the sentence it stands in
/// (plain text; null when the source is cited for the entry as a whole). ContextLang is the sentence's language when
/// it is shown untranslated.
/// </summary>
internal sealed record CitationUseView(string Href, string NumberText, string? Locator, string? Context, string ContextLang);

/// <summary>A piece of a source's note: Lang is empty, or the language of a run to isolate from the text around it.</summary>
internal sealed record NotePartView(string Text, string Lang);

/// <summary>The events of one year, tag or entity; a year's page also has them by month (<see cref="Months"/>).</summary>
internal sealed record EventListView(string Title, string Url, IReadOnlyList<EventSummaryView> Events)
{
    /// <summary>The language of the title when it is not the page's (a tag's name not yet translated); else empty.</summary>
    public string TitleLang { get; init; } = "";

    /// <summary>The events by month, when a year has enough of them in more than one month; else empty.</summary>
    public IReadOnlyList<MonthGroupView> Months { get; init; } = [];
}

/// <summary>A year on the index: its events, under an era. Anchor is empty when the year already has one above.</summary>
internal sealed record YearSectionView(int Year, string YearText, string Url, string Anchor, IReadOnlyList<EventSummaryView> Events)
{
    /// <summary>The events by month, when the year has enough of them in more than one month; else empty.</summary>
    public IReadOnlyList<MonthGroupView> Months { get; init; } = [];
}

/// <summary>
/// The events of one month of a year, in the order of the timeline, under a heading ("July 1988"); the events dated
/// to the year only come first, under a heading of their own. Anchor is "y1988-07" (empty for the year's own group,
/// or where the year has no anchor).
/// </summary>
internal sealed record MonthGroupView(string Heading, string Anchor, IReadOnlyList<EventSummaryView> Events);

/// <summary>An era on the index with its years; an era with no title holds the events outside every era.</summary>
internal sealed record EraSectionView(string Id, string? Title, string TitleLang, string? Summary, string SummaryLang, string? DateText, IReadOnlyList<YearSectionView> Years);

/// <summary>The index's overview chart as ready SVG (empty when there are no events), and how many links it holds.</summary>
internal sealed record OverviewView(string SvgHtml, int LinkCount);

/// <summary>A tag on the list of tags: its name, in Lang when that is not the page's language (not yet translated).</summary>
internal sealed record TagView(string Name, string Url, int Count, string Lang = "");

internal sealed record EntityView(
    string Id,
    string Name,
    string NameLang,
    string Kind,
    string Url,
    string SummaryHtml,
    bool SummaryFallback,
    string SummaryLang,
    string EntryMarkersHtml,
    IReadOnlyList<NoteView> Notes,
    IReadOnlyList<EventSummaryView> Events);

internal sealed record EntityIndexView(string Title, string Url, IReadOnlyList<EntityLinkView> Entities);

internal sealed record EntityLinkView(string Name, string Url, int Count, string Lang);

/// <summary>A content page; Fallback is true when it is shown untranslated, Lang then holds the default language's code.</summary>
internal sealed record PageView(string Id, string Title, string? Summary, string Url, string BodyHtml, IReadOnlyList<NoteView> Notes, bool Fallback = false, string Lang = "");

/// <summary>The search page: where Pagefind's bundle and the page's script are, and whether this build has an index.</summary>
/// BaseUrl is the site's root, which Pagefind's addresses start from, in every language's tree.
internal sealed record SearchView(bool Available, string BundleUrl, string ScriptUrl, string BaseUrl);

/// <summary>An image with its full address, size in pixels, media type and text alternative: a page's share image.</summary>
internal sealed record ImageView(string Url, int Width, int Height, string Type, string Alt);

/// <summary>
/// How to share an event: its full address, an e-mail, the networks' own share addresses (plain links, no scripts),
/// and the HTML that embeds the event's card in another site (EmbedUrl in full, EmbedPath inside the site).
/// ScriptUrl is the small script behind the copy buttons.
/// </summary>
internal sealed record ShareView(string PageUrl, string EmailUrl, IReadOnlyList<LinkView> Networks, string EmbedUrl, string EmbedPath, string EmbedCode, string ScriptUrl)
{
    /// <summary>The title and date: what the browser's own share sheet takes as the title.</summary>
    public string Heading { get; init; } = "";

    /// <summary>The title, date and summary: what the browser's own share sheet takes as the text.</summary>
    public string Post { get; init; } = "";
}

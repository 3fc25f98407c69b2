using System.Text;

namespace Timeline.Model;

/// <summary>One numbered note: a source, the place in it (locator) and every marker that cites it, for backlinks.</summary>
public sealed record Note(int Number, Source Source, string? Locator, IReadOnlyList<string> RefIds)
{
    /// <summary>
    /// The words around each marker, one per item of RefIds, as plain text for the source's page; null for a marker
    /// that cites the source for the entry as a whole (an event's 'sources'), which stands in no sentence.
    /// </summary>
    public IReadOnlyList<string?> Contexts { get; init; } = [];
}

/// <summary>
/// Markdown rendered to HTML, with its notes and the events it links to. CitationsWritten counts every
/// citation the author wrote, found or not, so that "cites nothing" is not reported on top of "unknown source".
/// </summary>
public sealed record RenderedDocument(
    string Html,
    string EntryMarkersHtml,
    IReadOnlyList<Note> Notes,
    IReadOnlyList<string> LinkedEventIds,
    IReadOnlyList<string> CitedSourceIds,
    int CitationsWritten) : IDigested
{
    private DigestNote _digest = DigestNote.None;

    DigestNote IDigested.Digest { get => _digest; set => _digest = value; }

    // A document taken from the last build's cache holds its HTML as the cache's UTF-8 bytes until it is first read:
    // an unchanged event's body is never shown again, and 10,000 bodies made into strings were 50 MB of garbage.
    private string? _html = Html;
    private ReadOnlyMemory<byte> _utf8;

    public string Html
    {
        get => _html ??= Encoding.UTF8.GetString(_utf8.Span);
        init => _html = value;
    }

    /// <summary>Whether there is any HTML, without making it into a string.</summary>
    public bool HasHtml => _html is { } html ? html.Length > 0 : _utf8.Length > 0;

    /// <summary>A document whose HTML is read from <paramref name="utf8"/> when first asked for.</summary>
    internal static RenderedDocument WithHtmlLater(
        ReadOnlyMemory<byte> utf8,
        string entryMarkersHtml,
        IReadOnlyList<Note> notes,
        IReadOnlyList<string> linkedEventIds,
        IReadOnlyList<string> citedSourceIds,
        int citationsWritten) =>
        new(null!, entryMarkersHtml, notes, linkedEventIds, citedSourceIds, citationsWritten) { _utf8 = utf8 };

    /// <summary>Every source id the text cites as written, found or not: a translation whose ids are not all found is not compared with its original.</summary>
    public IReadOnlySet<string> WrittenSourceIds { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The links the text writes to places inside the site, with where: a broken one is reported there.</summary>
    public IReadOnlyList<WrittenLink> InternalLinks { get; init; } = [];
}

/// <summary>A link to a place inside the site as a record's Markdown writes it, and where it is written.</summary>
public sealed record WrittenLink(string Href, Origin Origin);

/// <summary>An event with everything it points at resolved.</summary>
public sealed record ResolvedEvent(
    TimelineEvent Event,
    RenderedDocument Body,
    IReadOnlyList<Entity> People,
    IReadOnlyList<Entity> Organisations,
    IReadOnlyList<Entity> Places,
    IReadOnlyList<string> RelatedIds)
{
    public string Id => Event.Id;

    /// <summary>The translated bodies by language, for the translations that have a body; links go to that language's pages.</summary>
    public IReadOnlyDictionary<string, RenderedDocument> TranslatedBodies { get; init; } = Translations.None<RenderedDocument>();
}

public sealed record ResolvedEntity(Entity Entity, RenderedDocument Summary)
{
    /// <summary>The translated summaries by language, for the translations that have a summary.</summary>
    public IReadOnlyDictionary<string, RenderedDocument> TranslatedSummaries { get; init; } = Translations.None<RenderedDocument>();
}

public sealed record ResolvedPage(Page Page, RenderedDocument Body)
{
    /// <summary>The translated bodies by language, one for each translation of the page.</summary>
    public IReadOnlyDictionary<string, RenderedDocument> TranslatedBodies { get; init; } = Translations.None<RenderedDocument>();
}

/// <summary>The whole site after the Process phase: every reference checked, every text rendered, events in time order.</summary>
public sealed record ResolvedSite(
    SiteSettings Site,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<ResolvedEvent> Events,
    IReadOnlyList<ResolvedEntity> Entities,
    IReadOnlyList<Era> Eras,
    IReadOnlyList<ResolvedPage> Pages)
{
    /// <summary>The tags' names (tags.yml); a tag without one is named by its id.</summary>
    public IReadOnlyList<Tag> Tags { get; init; } = [];

    /// <summary>The site with its events' Markdown let go of (see <see cref="TimelineEvent.WithoutMarkdown"/>), once it is rendered.</summary>
    internal ResolvedSite WithoutMarkdown() =>
        this with { Events = Events.Select(e => e with { Event = e.Event.WithoutMarkdown() }).ToArray() };

    /// <summary>Every link to a place inside the site that the records' Markdown writes, in every language.</summary>
    public IEnumerable<WrittenLink> InternalLinks() =>
        Events.SelectMany(e => e.TranslatedBodies.Values.Prepend(e.Body))
            .Concat(Entities.SelectMany(e => e.TranslatedSummaries.Values.Prepend(e.Summary)))
            .Concat(Pages.SelectMany(p => p.TranslatedBodies.Values.Prepend(p.Body)))
            .SelectMany(d => d.InternalLinks);
}

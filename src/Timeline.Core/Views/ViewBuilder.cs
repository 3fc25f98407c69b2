using System.Globalization;
using System.Runtime.CompilerServices;
using Timeline.Dates;
using Timeline.Languages;
using Timeline.Markdown;
using Timeline.Markdown.Citations;
using Timeline.Model;
using Timeline.Publishing.Overview;
using Timeline.Publishing.Reuse;

namespace Timeline.Views;

/// <summary>
/// Turns one language's view of the resolved site into the views templates see: every index, backlink and
/// neighbour is computed here, and every text the page shows is written in that language.
/// </summary>
internal sealed class ViewBuilder
{
    private readonly ResolvedSite _site;
    private readonly SiteUrls _urls;
    private readonly SiteIndex _index;
    private readonly Func<IReadOnlyList<NoteMarkerView>, string>? _writeMarkers;
    private readonly Func<DateMarkupView, string> _writeDate;
    private readonly IReadOnlyDictionary<string, int> _positions;
    private readonly EventSummaryView?[] _summaries;
    private readonly Comparer<EventSummaryView> _timeOrder;
    private readonly PageLanguage _language;
    private readonly ConditionalWeakTable<ResolvedEvent, EventSummaryView>? _kept;


    // The backlink letters of the page's language, split once (pages are rendered in parallel; a race splits twice, harmlessly).
    private string[]? _useLetters;

    // A note's source is the same view on every page that cites it: made once per source, not once per note (20,000
    // notes at 10,000 events, each formatting the source's dates in two calendars).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SourceView> _noteSources = new(StringComparer.Ordinal);

    // Notes hold the source as resolved, in the default language; another language's pages show its translation.
    private readonly Lazy<Dictionary<string, Source>> _localizedSources;

    /// <param name="kept">Event summaries kept from the last rebuild of `timeline serve`, for events that did not change.</param>
    /// <param name="index">The site's links, shared by every language (made here when not given).</param>
    /// <param name="writeMarkers">Writes a group of note markers as the theme does; without it, the markup of <see cref="NoteMarkup"/>.</param>
    /// <param name="writeDate">Writes a date as the theme's partials/date.liquid does.</param>
    public ViewBuilder(ResolvedSite site, PageLanguage language, Func<DateMarkupView, string> writeDate, SummaryCache? kept = null, SiteIndex? index = null, Func<IReadOnlyList<NoteMarkerView>, string>? writeMarkers = null)
    {
        _writeDate = writeDate;
        _writeMarkers = writeMarkers;
        _site = site;
        _language = language;
        _urls = language.Urls;
        _kept = kept?.For(language);
        // Summaries (dates in two calendars, in the page's words) are made when a page first needs them, not here:
        // `timeline serve` makes a new ViewBuilder on every edit and renders only the pages it is asked for.
        _summaries = new EventSummaryView?[site.Events.Count];
        _index = index ?? new SiteIndex(site);
        _positions = _index.Positions;
        var positions = _positions;
        _timeOrder = Comparer<EventSummaryView>.Create((a, b) => positions[a.Id].CompareTo(positions[b.Id]));
        _localizedSources = new(() => site.Sources.ToDictionary(s => s.Id, StringComparer.Ordinal));
        Site = BuildSite();
    }

    public SiteUrls Urls => _urls;

    public SiteView Site { get; }

    public PageLanguage Language => _language;

    /// <summary>Whether the site has the web font (its npm package was installed), so that pages may preload it.</summary>
    public bool WebFonts { get; init; }

    /// <summary>The position in the timeline of the event with this id; false when there is none.</summary>
    public bool TryFindEvent(string id, out int index) => _positions.TryGetValue(id, out index);

    public EventSummaryView Summary(ResolvedEvent e) => new(
        e.Id,
        _urls.Event(e.Id),
        e.Event.Title,
        e.Event.Summary,
        Date(e.Event.When),
        e.Event.When.Start.Year,
        _language.Digits(e.Event.When.Start.Year),
        _language.Fallbacks.EventTexts.Contains(e.Id) ? _language.FallbackCode : "");

    // Not kept: holding 10,000 event views (JSON-LD, notes) for the embed cards cost more in collections than making them twice.
    public EventView Event(int index)
    {
        var e = _site.Events[index];
        var summary = SummaryAt(index);
        var bodyFallback = _language.Fallbacks.EventBodies.Contains(e.Id);
        return new EventView
        {
            Id = e.Id,
            Url = summary.Url,
            Title = summary.Title,
            Summary = summary.Summary,
            Date = summary.Date,
            Year = summary.Year,
            YearText = summary.YearText,
            Lang = summary.Lang,
            YearUrl = _urls.Year(summary.Year),
            Entry = EntryDates(e),
            BodyHtml = Markers(e.Body.Html),
            BodyFallback = bodyFallback,
            BodyLang = bodyFallback ? _language.FallbackCode : "",
            EntryMarkersHtml = Markers(e.Body.EntryMarkersHtml),
            Tags = e.Event.Tags.Select(TagLink).ToList(),
            Previous = index > 0 ? SummaryAt(index - 1) : null,
            Next = index < _site.Events.Count - 1 ? SummaryAt(index + 1) : null,
            People = e.People.Select(EntityLink).ToList(),
            Organisations = e.Organisations.Select(EntityLink).ToList(),
            Places = e.Places.Select(EntityLink).ToList(),
            Parts = new(() => EventParts(e)),
        };
    }

    private EventPageParts EventParts(ResolvedEvent e)
    {
        var related = e.RelatedIds.Select(SummaryOf).OrderBy(s => s, _timeOrder).ToList();
        var referencedBy = _index.ReferencingIds(e.Id).Select(SummaryOf).OrderBy(s => s, _timeOrder).ToList();
        return new EventPageParts(
            Notes(e.Body.Notes),
            related,
            referencedBy,
            related.Concat(referencedBy).DistinctBy(s => s.Id).OrderBy(s => s, _timeOrder).ToList(),
            new CitationView(
                CitationStyles.All(Citation(e)),
                _urls.EventCitation(e.Id, "json"),
                e.Id + ".json",
                _urls.EventCitation(e.Id, "bib"),
                e.Id + ".bib",
                _language.RootUrls.Asset("cite.js"),
                _language.Code == CitationLanguage ? "" : CitationLanguage),
            StructuredData.ForEvent(e, _site.Site, _urls, AbsoluteUrl));
    }

    // The language the citation styles (APA, MLA, Chicago) are written in: their words, months and punctuation.
    private const string CitationLanguage = "en";

    /// <summary>
    /// How to cite an event's entry; the same citation feeds the page and the cite.json and cite.bib files. The
    /// publisher and licence are the site's, when site.yml names them.
    /// </summary>
    public EntryCitation Citation(ResolvedEvent e) =>
        new(
            e.Id,
            _site.Site.Title,
            e.Event.Title,
            e.Event.Summary,
            e.Event.When,
            AbsoluteUrl(_urls.Event(e.Id)),
            _site.Site.Language,
            e.Event.Dates.Issued,
            _site.Site.Publisher is { } p ? new CitationPublisher(p.Name, p.Url) : null,
            _site.Site.License is { } l ? new CitationLicense(l.Id, l.Name, l.Url) : null);

    /// <summary>The note of a citation file: the event's date in the page's words, which a BibTeX style prints.</summary>
    public string CitationNote(ResolvedEvent e) => Text("cite_event_note", ("date", Date(e.Event.When).Text));

    /// <summary>The entry's own dates as its page shows them.</summary>
    private EntryDatesView EntryDates(ResolvedEvent e)
    {
        var dates = e.Event.Dates;
        var published = dates.Published is { } p ? DayHtml(p) : null;
        var updated = dates.LastUpdated is { } u ? DayHtml(u) : null;
        var sentence = (published, updated) switch
        {
            ({ } first, { } last) => Text("entry_published_updated", ("published", first), ("updated", last)),
            ({ } first, null) => Text("entry_published", ("published", first)),
            (null, { } last) => Text("entry_updated", ("updated", last)),
            _ => "",
        };
        var corrections = dates.Corrections.Reverse().Select(c =>
        {
            var (text, lang) = CorrectionText(c);
            return new CorrectionView(Text("entry_corrected", ("date", DayHtml(c.Date)), ("text", lang == "" ? text : $"<span{LangAttributes(lang)}>{text}</span>")), EntryCitation.Iso(c.Date), lang);
        }).ToList();
        return new EntryDatesView(sentence, corrections, _urls.Changes);
    }

    /// <summary>A correction's text as HTML in the page's language, or in the default one (its code then given) when untranslated.</summary>
    public (string Html, string Lang) CorrectionText(Correction c) =>
        _language.IsDefault ? (InlineMarkdown.ToHtml(c.Text), "")
        : c.Translations.TryGetValue(_language.Code, out var translated) ? (InlineMarkdown.ToHtml(translated), "")
        : (InlineMarkdown.ToHtml(c.Text), _language.FallbackCode);

    private static string LangAttributes(string lang) => $" lang=\"{lang}\" dir=\"{LanguageProfile.For(lang).Direction}\"";

    /// <summary>A day in the page's language and calendar, as text and as a time element.</summary>
    public DateView Day(DateOnly day) => Date(new DateSpan(PartialDate.OfDay(day), null, false));

    /// <summary>
    /// A day of the entry's own history (published, updated, corrected) in the page's first calendar only: these are
    /// recent days, shown inside a sentence of the theme's words, where a second calendar would only be noise.
    /// </summary>
    private string DayHtml(DateOnly day)
    {
        var date = Day(day);
        var solar = _language.Dates.Profile.Calendars == CalendarOrder.SolarHijriFirst ? " class=\"date-solar\"" : "";
        return $"<time{solar} datetime=\"{date.Iso}\">{Html.Encoder.Encode(date.Text)}</time>";
    }

    /// <summary>Every dated change of every entry (first published, updated, corrected), newest first; entries in timeline order within a day.</summary>
    public IReadOnlyList<ChangeView> Changes()
    {
        var changes = new List<(DateOnly Day, int Order, int Position, ChangeView View)>();
        for (var i = 0; i < _site.Events.Count; i++)
        {
            var e = _site.Events[i];
            var dates = e.Event.Dates;
            var summary = SummaryAt(i);
            if (dates.Published is { } p)
            {
                changes.Add((p, 2, i, new ChangeView(DayHtml(p), EntryCitation.Iso(p), Text("change_published"), summary, "", "")));
            }

            if (dates.Updated is { } u && (dates.Published is null || u > dates.Published))
            {
                changes.Add((u, 1, i, new ChangeView(DayHtml(u), EntryCitation.Iso(u), Text("change_updated"), summary, "", "")));
            }

            foreach (var c in dates.Corrections)
            {
                var (text, lang) = CorrectionText(c);
                changes.Add((c.Date, 0, i, new ChangeView(DayHtml(c.Date), EntryCitation.Iso(c.Date), Text("change_corrected"), summary, text, lang)));
            }
        }

        return changes.OrderByDescending(c => c.Day).ThenBy(c => c.Position).ThenBy(c => c.Order).Select(c => c.View).ToList();
    }

    /// <summary>A page's or a string's text in the page's language, placeholders filled.</summary>
    public string Text(string key, params (string Name, string Value)[] values) => _language.Text(key, values);

    /// <summary>The full address of a site path such as "/memorial/events/x/" (paths already hold the base path).</summary>
    public string AbsoluteUrl(string sitePath) => SiteUrls.Absolute(_site.Site.BaseUrl, sitePath);

    /// <summary>The index: years grouped under the eras their events fall in; events outside every era still appear.</summary>
    public IReadOnlyList<EraSectionView> EraSections()
    {
        var anchored = new HashSet<int>();
        return GroupByEra().Select((section, i) => new EraSectionView(
            section.Era?.Id ?? $"other-{i + 1}",
            section.Era?.Title,
            section.Era is { } titled && _language.Fallbacks.EraTitles.Contains(titled.Id) ? _language.FallbackCode : "",
            section.Era?.Summary,
            section.Era is { } summed && _language.Fallbacks.EraSummaries.Contains(summed.Id) ? _language.FallbackCode : "",
            section.Era is { } era ? Date(new DateSpan(era.Start, era.End, false)).Text : null,
            section.Events.GroupBy(e => e.Event.When.Start.Year)
                .Select(g =>
                {
                    var anchor = anchored.Add(g.Key) ? YearAnchor(g.Key) : "";
                    var positions = g.Select(e => _positions[e.Id]).ToArray();
                    return new YearSectionView(g.Key, _language.Digits(g.Key), _urls.Year(g.Key), anchor, new SummaryList(positions, SummaryAt))
                    {
                        Months = Months(g.Key, positions, anchor != ""),
                    };
                })
                .ToList()))
            .ToList();
    }

    /// <summary>
    /// A year with more than this many events is listed by month, if they fall in more than one and some month holds
    /// more than one (a heading over each single event would only lengthen the list).
    /// </summary>
    public const int EventsBeforeMonths = 3;

    /// <summary>
    /// A year's events (positions in time order) by the month of the date that places them (their 'sort' date, else
    /// their start), in Gregorian months as the year headings are; those dated to the year only come first.
    /// </summary>
    private List<MonthGroupView> Months(int year, int[] positions, bool anchored)
    {
        var groups = new List<(int? Month, List<int> Positions)>();
        foreach (var position in positions)
        {
            var start = _site.Events[position].Event.Order.Start;
            int? month = start.Year == year ? start.Month : null;
            if (groups.Count == 0 || groups[^1].Month != month)
            {
                groups.Add((month, []));
            }

            groups[^1].Positions.Add(position);
        }

        if (positions.Length <= EventsBeforeMonths || groups.Count < 2 || groups.Count == positions.Length)
        {
            return [];
        }

        return groups.Select(g => new MonthGroupView(
                g.Month is { } m ? _language.Dates.Gregorian.Format(PartialDate.OfMonth(year, m)) : Text("year_whole", ("year", _language.Digits(year))),
                anchored && g.Month is { } n ? string.Create(CultureInfo.InvariantCulture, $"y{year}-{n:D2}") : "",
                new SummaryList(g.Positions.ToArray(), SummaryAt)))
            .ToList();
    }

    /// <summary>The index's overview chart, drawn from the same grouping by era as the list below it.</summary>
    public OverviewView Overview()
    {
        var sections = GroupByEra()
            .Select(s => new OverviewSection(
                s.Era?.Title,
                s.Era?.Start.Year,
                s.Era?.End.Year,
                s.Events.Select(e => (Summary: SummaryOf(e.Id), Start: e.Event.Order.Start))
                    .Select(e => new OverviewEvent(e.Summary.Url, $"{e.Summary.Date.Text}: {e.Summary.Title}", e.Summary.Year, e.Start.Year == e.Summary.Year ? e.Start.Month : null, e.Summary.Title))
                    .ToList()))
            .ToList();
        var months = Enumerable.Range(1, 12).Select(m => Text($"month_{m}")).ToList();
        var layout = OverviewLayout.Compute(sections, new OverviewOptions(MonthNames: months));
        var text = new OverviewText(_language.Strings, _language.Digits) { YearUrl = _urls.Year };
        // Its links: one per event and one per year that has events.
        var links = layout.Marks.Count + layout.Marks.Select(m => m.Event.Year).Distinct().Count();
        return new OverviewView(layout.Marks.Count == 0 ? "" : OverviewSvgWriter.Write(layout, text), links);
    }

    /// <summary>Every year's list of events, in time order.</summary>
    public IEnumerable<EventListView> Years() => _index.Years.Select(y => YearList(y.Year, y.Positions));

    /// <summary>The years that have events, in time order.</summary>
    public IEnumerable<int> YearNumbers() => _index.Years.Select(y => y.Year);

    /// <summary>One year's list of events, made when its page is rendered; null when no event falls in it.</summary>
    public EventListView? Year(int year)
    {
        foreach (var (number, positions) in _index.Years)
        {
            if (number == year)
            {
                return YearList(number, positions);
            }
        }

        return null;
    }

    /// <summary>Every tag's list of events, tags in ordinal order.</summary>
    public IEnumerable<EventListView> Tags() => _index.Tags.Select(t => TagList(t.Key, t.Value));

    /// <summary>The tags events carry, in ordinal order.</summary>
    public IEnumerable<string> TagNames() => _index.Tags.Keys;

    /// <summary>One tag's list of events, made when its page is rendered; null when no event carries it.</summary>
    public EventListView? Tag(string tag) => _index.Tags.TryGetValue(tag, out var positions) ? TagList(tag, positions) : null;

    public IReadOnlyList<TagView> TagIndex() => _index.Tags.Select(t =>
    {
        var (name, lang) = TagName(t.Key);
        return new TagView(name, _urls.Tag(t.Key), t.Value.Count, lang);
    }).ToList();

    private LinkView TagLink(string id)
    {
        var (name, lang) = TagName(id);
        return new LinkView(name, _urls.Tag(id), lang);
    }

    /// <summary>
    /// A tag's name in this language (tags.yml), and the language it is written in when that is not this one: a tag
    /// without a translation keeps the default language's name, and one without a name in tags.yml its id.
    /// </summary>
    private (string Name, string Lang) TagName(string id)
    {
        var names = _tagNames ??= _site.Tags.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var tag = names.GetValueOrDefault(id);
        if (_language.IsDefault)
        {
            return (tag?.Name ?? id, "");
        }

        return tag is not null && tag.Translations.TryGetValue(_language.Code, out var translated)
            ? (translated.Name, "")
            : (tag?.Name ?? id, _language.FallbackCode);
    }

    private Dictionary<string, Tag>? _tagNames;

    public IReadOnlyList<SourceView> Sources() =>
        _site.Sources.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => Source(s, withCitations: true)).ToList();

    public IEnumerable<EntityView> Entities() => _site.Entities.Select(Entity);

    /// <summary>An entity's own page: what it is and the events it takes part in.</summary>
    public EntityView Entity(ResolvedEntity x) => new(
        x.Entity.Id,
        x.Entity.Name,
        _language.Fallbacks.EntityNames.Contains(x.Entity.Id) ? _language.FallbackCode : "",
        x.Entity.Kind.ToString().ToLowerInvariant(),
        _urls.Entity(x.Entity.Kind, x.Entity.Id),
        Markers(x.Summary.Html),
        _language.Fallbacks.EntitySummaries.Contains(x.Entity.Id),
        _language.Fallbacks.EntitySummaries.Contains(x.Entity.Id) ? _language.FallbackCode : "",
        Markers(x.Summary.EntryMarkersHtml),
        Notes(x.Summary.Notes),
        Summaries(EventsInvolving(x.Entity)));

    public IEnumerable<(EntityKind Kind, EntityIndexView View)> EntityIndexes() =>
        EntityKinds().Select(kind => (kind, EntityIndex(kind)!));

    /// <summary>The kinds of entity the site has, in their order (people, organisations, places).</summary>
    public IEnumerable<EntityKind> EntityKinds() =>
        Enum.GetValues<EntityKind>().Where(kind => _site.Entities.Any(x => x.Entity.Kind == kind));

    /// <summary>The index of one kind of entity, or null when the site has none of that kind.</summary>
    public EntityIndexView? EntityIndex(EntityKind kind)
    {
        var entities = _site.Entities.Where(x => x.Entity.Kind == kind).OrderBy(x => x.Entity.Name, StringComparer.Ordinal).ToList();
        return entities.Count == 0
            ? null
            : new EntityIndexView(
                EntityKindTitle(kind),
                _urls.EntityIndex(kind),
                entities.Select(x => new EntityLinkView(x.Entity.Name, _urls.Entity(kind, x.Entity.Id), EventsInvolving(x.Entity).Count, EntityLang(x.Entity))).ToList());
    }

    public IEnumerable<PageView> Pages() => _site.Pages.Select(Page);

    /// <summary>A content page's view.</summary>
    public PageView Page(ResolvedPage p)
    {
        var fallback = _language.Fallbacks.Pages.Contains(p.Page.Id);
        return new PageView(p.Page.Id, p.Page.Title, p.Page.Summary, _urls.Page(p.Page.Id), Markers(p.Body.Html), Notes(p.Body.Notes), fallback, fallback ? _language.FallbackCode : "");
    }

    public string EntityKindTitle(EntityKind kind) => _language.Text(kind switch
    {
        EntityKind.Person => "kind_people",
        EntityKind.Organisation => "kind_organisations",
        _ => "kind_places",
    });

    public static string YearAnchor(int year) => string.Create(CultureInfo.InvariantCulture, $"y{year}");

    /// <summary>A date in the page's language, its calendar first: Gregorian then Solar Hijri (in Persian), or the reverse.</summary>
    public DateView Date(DateSpan span) => Date(span, _language.Dates, _writeDate);

    /// <param name="write">Writes the date as the theme's partials/date.liquid does.</param>
    public static DateView Date(DateSpan span, LanguageDates dates, Func<DateMarkupView, string> write)
    {
        var solarFirst = dates.Profile.Calendars == CalendarOrder.SolarHijriFirst;
        var plain = span with { Circa = false };
        var parts = dates.Gregorian.Parts(span);
        var gregorian = dates.Gregorian.Format(plain);

        // Persian writes its own "circa" into a Solar Hijri date; a page that shows that date first says it in its own words.
        // A page in Latin letters writes the Solar Hijri date in them too, so its readers can read it without a Persian font.
        var latin = dates.Profile.Script != Script.Arabic;
        var solar = latin ? SolarHijriDates.FormatLatin(span, dates.Circa) : SolarHijriDates.Format(solarFirst ? plain : span);
        var html = write(new DateMarkupView(
            solarFirst,
            span.Circa ? dates.Circa : "",
            parts.Start,
            parts.End,
            parts.Separator,
            span.Start.ToString(),
            parts.End is null ? null : span.End?.ToString(),
            solar,
            latin ? "" : "fa"));
        string Circa(string text) => span.Circa ? dates.Circa + " " + text : text;
        return solarFirst
            ? new DateView(Circa(solar), html, Circa(gregorian), Iso(span), span.Circa)
            : new DateView(Circa(gregorian), html, solar, Iso(span), span.Circa);
    }

    private static string Iso(DateSpan span) => span.End is { } e2 ? $"{span.Start}/{e2}" : span.Start.ToString();

    /// <summary>Events in time order, cut into runs that fall in the same era (or in none).</summary>
    private List<(Era? Era, List<ResolvedEvent> Events)> GroupByEra()
    {
        var eras = _site.Eras.OrderBy(e => e.Start).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var sections = new List<(Era? Era, List<ResolvedEvent> Events)>();
        foreach (var e in _site.Events)
        {
            var start = e.Event.When.Start.FirstDay;
            var era = eras.FirstOrDefault(x => x.Start.FirstDay <= start && start <= x.End.LastDay);
            if (sections.Count == 0 || sections[^1].Era != era)
            {
                sections.Add((era, []));
            }

            sections[^1].Events.Add(e);
        }

        return sections;
    }

    private EventSummaryView SummaryAt(int index) =>
        Volatile.Read(ref _summaries[index]) ?? (_summaries[index] = _kept is null ? Summary(_site.Events[index]) : _kept.GetValue(_site.Events[index], Summary));

    private EventSummaryView SummaryOf(string id) => SummaryAt(_positions[id]);

    /// <summary>A list of events whose summaries are made only when a page reads it.</summary>
    private SummaryList Summaries(IEnumerable<ResolvedEvent> events) => new(events.Select(e => _positions[e.Id]).ToArray(), SummaryAt);

    private SummaryList Summaries(IReadOnlyList<int> positions) => new(positions.ToArray(), SummaryAt);

    private IReadOnlyList<int> EventsInvolving(Entity entity) => _index.Involving(entity.Id);

    private EventListView YearList(int year, List<int> positions)
    {
        var ordered = positions.ToArray();
        return new(_language.Digits(year), _urls.Year(year), new SummaryList(ordered, SummaryAt)) { Months = Months(year, ordered, anchored: true) };
    }

    private EventListView TagList(string tag, List<int> positions)
    {
        var (name, lang) = TagName(tag);
        return new(name, _urls.Tag(tag), new SummaryList(positions.ToArray(), SummaryAt)) { TitleLang = lang };
    }


    private LinkView EntityLink(Entity entity) => new(entity.Name, _urls.Entity(entity.Kind, entity.Id), EntityLang(entity));

    private string EntityLang(Entity entity) => _language.Fallbacks.EntityNames.Contains(entity.Id) ? _language.FallbackCode : "";

    /// <summary>Note markers in the page's digits ([۱] on Persian pages); their ids and addresses keep ASCII digits.</summary>
    private string Markers(string html) => _writeMarkers is { } write
        ? NoteMarkup.Rewrite(html, markers => write(markers.Select(m => new NoteMarkerView(m.Number, SiteUrls.NoteId(m.Number), m.RefId)).ToList()))
        : _language.Profile.Digits == Numerals.Latin ? html : NoteMarkup.WithNumbers(html, _language.Digits);

    private IReadOnlyList<NoteView> Notes(IReadOnlyList<Note> notes) =>
        notes.Select(n => new NoteView(
            n.Number,
            _language.Digits(n.Number),
            SiteUrls.NoteId(n.Number),
            _noteSources.GetOrAdd(n.Source.Id, static (_, state) => state.Builder.Source(state.Builder.Localized(state.Source), withCitations: false), (Builder: this, n.Source)),
            n.Locator,
            n.RefIds.Select((refId, i) => new BackrefView(
                "#" + refId,
                n.RefIds.Count == 1 ? _language.Text("backlink_symbol") : UseLetter(i),
                n.RefIds.Count == 1
                    ? _language.Text("back_to_citation", ("number", _language.Digits(n.Number)))
                    : _language.Text("back_to_citation_use", ("number", _language.Digits(n.Number)), ("letter", UseLetter(i))))).ToList()))
            .ToList();

    /// <summary>The letter of a note's i-th use, from the language's alphabet (the last letter repeats past its end).</summary>
    private string UseLetter(int i)
    {
        var letters = _useLetters ??= _language.Text("backlink_letters").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return letters[Math.Min(i, letters.Length - 1)];
    }

    private SourceView Source(Source source, bool withCitations)
    {
        var noteFallback = _language.Fallbacks.SourceNotes.Contains(source.Id);
        return new(
            source.Id,
            "source-" + source.Id,
            _urls.SourcePage(source.Id),
            source.Title,
            source.Publisher,
            source.Author,
            source.Date is { } d ? Date(DateSpan.Single(d)).Text : null,
            source.Date?.ToString(),
            source.Url,
            source.ArchiveUrl,
            source.Accessed is { } a ? Date(DateSpan.Single(a)).Text : null,
            source.Kind.ToString().ToLowerInvariant(),
            source.Note,
            withCitations ? Summaries(_index.Citing(source.Id)) : [],
            _language.FallbackCode)
        {
            PageLang = _language.IsDefault ? "" : _language.Code,
            TitleLang = !_language.IsDefault && source.Translations.GetValueOrDefault(_language.Code)?.Title is not null ? _language.Code : "",
            NoteLang = noteFallback ? _language.FallbackCode : "",
            NoteFallback = noteFallback,
            NoteParts = source.Note is null ? [] : NoteParts(source.Note, noteFallback),
            ArchiveSearch = source.Url is { } url && source.ArchiveUrl is null ? ArchiveSearch.For(url) : null,
            Offline = source.Url is null && source.ArchiveUrl is null,
            BibliographyUrl = _urls.Source(source.Id),
        };
    }

    /// <summary>The ids of the sources, in the order their pages are made.</summary>
    public IEnumerable<string> SourceIds() => _site.Sources.Select(s => s.Id);

    /// <summary>
    /// A source's own page, or null when the site has no such source: the source, the events that cite it (in time
    /// order) with each place they do, then the entity and content pages that cite it.
    /// </summary>
    public SourcePageView? SourcePage(string id)
    {
        if (_site.Sources.FirstOrDefault(s => s.Id == id) is not { } source)
        {
            return null;
        }

        var events = _index.Citing(id).Select(i =>
        {
            var e = _site.Events[i];
            var summary = SummaryAt(i);
            return new CitingView(summary.Title, summary.Url, summary.Lang, summary.Date, Uses(e.Body.Notes, id, summary.Url, _language.Fallbacks.EventBodies.Contains(e.Id)));
        }).ToList();

        var others = new List<CitingView>();
        foreach (var x in _site.Entities.Where(x => Cites(x.Summary, id)).OrderBy(x => x.Entity.Name, StringComparer.Ordinal))
        {
            var url = _urls.Entity(x.Entity.Kind, x.Entity.Id);
            others.Add(new CitingView(x.Entity.Name, url, EntityLang(x.Entity), null, Uses(x.Summary.Notes, id, url, _language.Fallbacks.EntitySummaries.Contains(x.Entity.Id))));
        }

        foreach (var p in _site.Pages.Where(p => Cites(p.Body, id)).OrderBy(p => p.Page.Title, StringComparer.Ordinal))
        {
            var url = _urls.Page(p.Page.Id);
            var fallback = _language.Fallbacks.Pages.Contains(p.Page.Id);
            others.Add(new CitingView(p.Page.Title, url, fallback ? _language.FallbackCode : "", null, Uses(p.Body.Notes, id, url, fallback)));
        }

        return new SourcePageView(Source(source, withCitations: false), events, others);

        static bool Cites(RenderedDocument document, string id) => document.Notes.Any(n => n.Source.Id == id);
    }

    /// <summary>Each place a text cites a source: its marker, the note's number and locator, and the sentence around it.</summary>
    private List<CitationUseView> Uses(IReadOnlyList<Note> notes, string sourceId, string pageUrl, bool fallback)
    {
        var uses = new List<CitationUseView>();
        foreach (var note in notes.Where(n => n.Source.Id == sourceId))
        {
            for (var i = 0; i < note.RefIds.Count; i++)
            {
                var context = i < note.Contexts.Count ? note.Contexts[i] : null;
                uses.Add(new CitationUseView(pageUrl + "#" + note.RefIds[i], _language.Digits(note.Number), note.Locator, context, fallback && context is not null ? _language.FallbackCode : ""));
            }
        }

        return uses;
    }

    /// <summary>
    /// A note in pieces for the page to write: a translated note written right to left, on a site whose default language
    /// is written left to right, has its runs of that script (a quoted headline, an address) marked as the default
    /// language, which isolates them; any other note is one piece in the language it is shown in.
    /// </summary>
    private IReadOnlyList<NotePartView> NoteParts(string note, bool fallback)
    {
        if (fallback || _language.Direction != "rtl" || PageLanguage.DirectionOf(_language.DefaultCode) != "ltr")
        {
            return [new NotePartView(note, "")];
        }

        return LeftToRightRuns.Split(note).Select(p => new NotePartView(p.Text, p.LeftToRight ? _language.DefaultCode : "")).ToList();
    }

    /// <summary>The source a note cites, as this language's site has it (its note and own title translated).</summary>
    private Source Localized(Source source) =>
        _language.IsDefault ? source : _localizedSources.Value.GetValueOrDefault(source.Id, source);

    private SiteView BuildSite()
    {
        var settings = _site.Site;
        var translation = _language.IsDefault ? null : settings.Translations.GetValueOrDefault(_language.Code);
        var nav = new List<LinkView> { new(Text("nav_timeline"), _urls.Index) };
        nav.AddRange(EntityKinds().Select(kind => new LinkView(EntityKindTitle(kind), _urls.EntityIndex(kind))));
        nav.Add(new LinkView(Text("nav_tags"), _urls.Tags));
        nav.Add(new LinkView(Text("nav_sources"), _urls.Sources));
        nav.AddRange(_site.Pages.OrderBy(p => p.Page.Id, StringComparer.Ordinal)
            .Select(p => new LinkView(p.Page.Title, _urls.Page(p.Page.Id), _language.Fallbacks.Pages.Contains(p.Page.Id) ? _language.FallbackCode : "")));
        nav.Add(new LinkView(Text("nav_search"), _urls.Search));
        var years = _index.Years
            .Select(y => new YearLinkView(y.Year, _urls.Year(y.Year), YearAnchor(y.Year), y.Positions.Count, _language.Digits(y.Year)))
            .ToList();
        return new SiteView(
            settings.Title,
            settings.Description,
            settings.Language,
            settings.BaseUrl.ToString(),
            _urls.Index,
            _urls.Sources,
            _urls.Tags,
            _language.RootUrls.Asset("style.css"),
            _urls.EventsData,
            _urls.SourcesData,
            _urls.Search,
            _urls.Feed,
            nav,
            years)
        {
            Direction = _language.Direction,
            AssetsUrl = _language.RootUrls.Asset(""),
            FontPreloadUrl = WebFonts && _language.Profile.Script == Script.Arabic ? _language.RootUrls.Asset(Languages.WebFonts.RegularAsset) : "",
            DataLang = _language.FallbackCode,
            Publisher = settings.Publisher is { } publisher
                ? new LinkView(publisher.Name, publisher.Url ?? "", translation?.PublisherName is null ? _language.FallbackCode : "")
                : null,
            Contact = settings.Contact is { } contact ? new LinkView(contact.Text, contact.Href) : null,
            CorrectionsContact = settings.Corrections is { } corrections ? new LinkView(corrections.Contact.Text, corrections.Contact.Href) : null,
            CorrectionsPolicy = settings.Corrections?.Policy?.Split("\n\n") ?? [],
            CorrectionsPolicyLang = settings.Corrections?.Policy is not null && translation?.CorrectionsPolicy is null ? _language.FallbackCode : "",
            License = settings.License is { } license ? new LinkView(license.Name, license.Url) : null,
            JsonLdHtml = StructuredData.ForSite(settings, AbsoluteUrl(_urls.Index)),
        };
    }
}

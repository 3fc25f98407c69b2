using Timeline.Dates;
using Timeline.Diagnostics;
using Timeline.Model;

namespace Timeline.Resolving;

/// <summary>
/// The second half of the Process phase: with every record known, checks each reference, renders the
/// Markdown of events, entities and pages (in parallel), and puts events in time order.
/// </summary>
internal static class ReferenceResolver
{
    /// <summary>
    /// Events sort by the first day of their date (or of their 'sort' date, which places an event within its own
    /// period); at the same first day the coarser date comes first (1988 before 1988-01-01), then the earlier end, then
    /// the id, so the order never depends on the files.
    /// </summary>
    public static readonly IComparer<TimelineEvent> TimeOrder = Comparer<TimelineEvent>.Create((a, b) =>
    {
        var byStart = a.Order.Start.CompareTo(b.Order.Start);
        if (byStart != 0)
        {
            return byStart;
        }

        var byEnd = (a.Order.End ?? a.Order.Start).CompareTo(b.Order.End ?? b.Order.Start);
        return byEnd != 0 ? byEnd : string.CompareOrdinal(a.Id, b.Id);
    });

    /// <summary>
    /// With a <paramref name="cache"/> (kept by `timeline serve`), records and Markdown whose inputs did not change are
    /// not resolved again: editing one event resolves it and the events whose links show its title. With
    /// <paramref name="rendered"/> (a build's, kept in the cache folder), Markdown the last build rendered is taken
    /// from it while still right.
    /// </summary>
    public static ResolvedSite Resolve(TimelineContent content, DiagnosticBag diagnostics, ResolveCache? cache = null, RenderedDocumentCache? rendered = null)
    {
        var sources = content.Sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var events = content.Events.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var entities = content.Entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var round = cache?.Start(content.Site, sources, events, entities);
        var documents = new Documents(sources, events, new SiteUrls(content.Site.BasePath), content.Site.OtherLanguages, round, rendered);

        ResolvedEvent Event(TimelineEvent e, DiagnosticBag into)
        {
            var body = documents.Resolve(e, null, e.Body, e.Sources, e.Origin.Path, into);
            if (body.CitationsWritten == 0)
            {
                into.Error(e.Origin.Path, e.Origin.Position, ErrorMessages.CitesNothing());
            }

            foreach (var related in e.Related)
            {
                if (related.Id == e.Id)
                {
                    into.Error(related.Origin.Path, related.Origin.Position, ErrorMessages.RelatedToItself(related.Id));
                }
                else if (!events.ContainsKey(related.Id))
                {
                    into.Error(related.Origin.Path, related.Origin.Position, ErrorMessages.UnknownRelatedEvent(related.Id, Suggestions.Closest(related.Id, events.Keys)));
                }
            }

            return new ResolvedEvent(
                e,
                body,
                Entities(e.People, "people", EntityKind.Person, entities, into),
                Entities(e.Organisations, "organisations", EntityKind.Organisation, entities, into),
                Entities(e.Places, "places", EntityKind.Place, entities, into),
                e.Related.Select(r => r.Id).Where(id => id != e.Id && events.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList())
            {
                TranslatedBodies = Translate(e.Translations.Values, t => t.Language, t => t.Body, e.Sources, t => t.Origin, body, documents, into),
            };
        }

        // Besides its documents, an event points at the events it relates to and at its entities.
        static IEnumerable<ResolveCache.Dependency> EventPointsAt(ResolvedEvent r) =>
            r.Event.Related.Select(x => ResolveCache.Dependency.Event(x.Id))
                .Concat(r.Event.People.Concat(r.Event.Organisations).Concat(r.Event.Places).Select(x => ResolveCache.Dependency.Entity(x.Id)));

        // A kept event is still right while the events it relates to exist and its entities are the same records.
        bool EventStillValid(ResolvedEvent r) =>
            r.Event.Related.All(related => events.ContainsKey(related.Id))
            && SameEntities(r.Event.People, r.People, entities)
            && SameEntities(r.Event.Organisations, r.Organisations, entities)
            && SameEntities(r.Event.Places, r.Places, entities);

        ResolvedEntity Entity(Entity entity, DiagnosticBag into)
        {
            var summary = documents.Resolve(entity, null, entity.Summary, entity.Sources, entity.Origin.Path, into);
            return new ResolvedEntity(entity, summary)
            {
                TranslatedSummaries = Translate(entity.Translations.Values, t => t.Language, t => t.Summary, entity.Sources, t => t.Origin, summary, documents, into),
            };
        }

        var ordered = InTimeOrder(content.Events, cache);
        var resolvedEvents = new ResolvedEvent[ordered.Length];
        Parallel.For(0, ordered.Length, i => resolvedEvents[i] = round is null
            ? Event(ordered[i], diagnostics)
            : round.Record(ordered[i], diagnostics, into => Event(ordered[i], into), r => r.TranslatedBodies.Select(t => (t.Value, (string?)t.Key)).Prepend((r.Body, null)), EventPointsAt, EventStillValid));

        var resolvedEntities = content.Entities
            .Select(entity => round is null
                ? Entity(entity, diagnostics)
                : round.Record(entity, diagnostics, into => Entity(entity, into), r => r.TranslatedSummaries.Select(t => (t.Value, (string?)t.Key)).Prepend((r.Summary, null)), _ => [], _ => true))
            .ToList();

        // Pages are read again on every rebuild (a translation joins its page), so there is nothing to keep for them.
        var pageDocuments = new Documents(sources, events, new SiteUrls(content.Site.BasePath), content.Site.OtherLanguages, round: null, rendered);
        var resolvedPages = content.Pages
            .Select(page =>
            {
                var body = pageDocuments.Resolve(page, null, page.Body, [], page.Origin.Path, diagnostics);
                return new ResolvedPage(page, body)
                {
                    TranslatedBodies = Translate(page.Translations.Values, t => t.Language, t => t.Body, [], t => t.Origin, body, pageDocuments, diagnostics),
                };
            })
            .ToList();

        round?.Finish();
        WarnAboutUnusedSources(content, resolvedEvents, resolvedEntities, resolvedPages, diagnostics);
        return new ResolvedSite(content.Site, content.Sources, resolvedEvents, resolvedEntities, content.Eras, resolvedPages) { Tags = content.Tags };
    }

    /// <summary>
    /// The events sorted by <see cref="TimeOrder"/>, on keys worked out once per event rather than once per comparison
    /// (making a DateOnly checks the date each time).
    /// </summary>
    public static TimelineEvent[] InTimeOrder(IReadOnlyList<TimelineEvent> events, ResolveCache? cache = null)
    {
        var keys = new TimeKey[events.Count];
        var items = new TimelineEvent[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var order = events[i].Order;
            var end = order.End ?? order.Start;
            keys[i] = new TimeKey(order.Start.FirstDay.DayNumber, order.Start.Precision, end.FirstDay.DayNumber, end.Precision, events[i].Id);
            items[i] = events[i];
        }

        // serve: an edit seldom moves an event in time, and the last order, when every key is as it was, is this one's.
        if (cache?.TimeOrder is not { } last || !InLastOrder(keys, items, last))
        {
            Array.Sort(keys, items);
        }

        if (cache is not null)
        {
            cache.TimeOrder = keys;
        }

        return items;
    }

    // Puts keys and items in the order of the last sorted keys, when those are the same keys (ids are unique); false,
    // leaving both as they were, when any key was added, went or changed.
    private static bool InLastOrder(TimeKey[] keys, TimelineEvent[] items, TimeKey[] last)
    {
        if (last.Length != keys.Length)
        {
            return false;
        }

        var at = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            at[keys[i].Id] = i;
        }

        var ordered = new TimelineEvent[items.Length];
        for (var i = 0; i < last.Length; i++)
        {
            if (!at.TryGetValue(last[i].Id, out var from) || keys[from] != last[i])
            {
                return false;
            }

            ordered[i] = items[from];
        }

        last.CopyTo(keys, 0);
        ordered.CopyTo(items, 0);
        return true;
    }

    /// <summary>What <see cref="TimeOrder"/> compares, in its order.</summary>
    internal readonly record struct TimeKey(int Start, DatePrecision StartPrecision, int End, DatePrecision EndPrecision, string Id) : IComparable<TimeKey>
    {
        public int CompareTo(TimeKey other)
        {
            var by = Start.CompareTo(other.Start);
            by = by != 0 ? by : StartPrecision.CompareTo(other.StartPrecision);
            by = by != 0 ? by : End.CompareTo(other.End);
            by = by != 0 ? by : EndPrecision.CompareTo(other.EndPrecision);
            return by != 0 ? by : string.CompareOrdinal(Id, other.Id);
        }
    }

    /// <summary>Renders Markdown in the site's language or a translation's, through a cache when there is one.</summary>
    private sealed class Documents(
        IReadOnlyDictionary<string, Source> sources,
        IReadOnlyDictionary<string, TimelineEvent> events,
        SiteUrls urls,
        IEnumerable<string> otherLanguages,
        ResolveCache.Round? round,
        RenderedDocumentCache? rendered)
    {
        // Links in a translation go to that language's pages.
        private readonly Dictionary<string, SiteUrls> _languages = otherLanguages.ToDictionary(l => l, urls.ForLanguage, StringComparer.Ordinal);

        public bool Knows(string language) => _languages.ContainsKey(language);

        /// <summary>Renders the text of <paramref name="owner"/>: a record, or one of its translations.</summary>
        public RenderedDocument Resolve(object owner, string? language, MarkdownText text, IReadOnlyList<Reference> entrySources, string path, DiagnosticBag diagnostics) =>
            (round, rendered) switch
            {
                ({ } r, _) => r.Document(owner, language, diagnostics, into => Render(language, text, entrySources, path, into)),
                (null, { } kept) => kept.Render(language, UrlsIn(language), text, entrySources, path, sources, events, diagnostics, into => Render(language, text, entrySources, path, into)),
                _ => Render(language, text, entrySources, path, diagnostics),
            };

        private SiteUrls UrlsIn(string? language) => language is null ? urls : _languages[language];

        private RenderedDocument Render(string? language, MarkdownText text, IReadOnlyList<Reference> entrySources, string path, DiagnosticBag diagnostics) =>
            new DocumentResolver(sources, events, UrlsIn(language), diagnostics, language).Resolve(text, entrySources, path);
    }

    private static bool SameEntities(IReadOnlyList<Reference> references, IReadOnlyList<Entity> resolved, IReadOnlyDictionary<string, Entity> entities) =>
        references.All(r => entities.TryGetValue(r.Id, out var now) && resolved.Contains(now));

    /// <summary>
    /// Resolves each translated text as its original is resolved (same entry sources, notes numbered in its own
    /// reading order), and warns when it cites other sources than the original: a translation adds and drops nothing.
    /// </summary>
    private static Dictionary<string, RenderedDocument> Translate<T>(
        IEnumerable<T> translations,
        Func<T, string> language,
        Func<T, MarkdownText> text,
        IReadOnlyList<Reference> entrySources,
        Func<T, Origin> origin,
        RenderedDocument original,
        Documents resolvers,
        DiagnosticBag diagnostics)
        where T : notnull
    {
        var documents = new Dictionary<string, RenderedDocument>(StringComparer.Ordinal);
        foreach (var translation in translations)
        {
            if (text(translation).Text.Trim().Length == 0 || !resolvers.Knows(language(translation)))
            {
                continue;
            }

            var where = origin(translation);
            var document = resolvers.Resolve(translation, language(translation), text(translation), entrySources, where.Path, diagnostics);
            // A misspelt id is reported once, as an unknown source, and not again as a difference.
            var missing = original.CitedSourceIds.Except(document.CitedSourceIds, StringComparer.Ordinal).ToList();
            var extra = document.CitedSourceIds.Except(original.CitedSourceIds, StringComparer.Ordinal).ToList();
            var allFound = document.WrittenSourceIds.SetEquals(document.CitedSourceIds);
            if (allFound && (missing.Count > 0 || extra.Count > 0))
            {
                diagnostics.Warning(where.Path, where.Position, ErrorMessages.TranslationCitesOtherSources(language(translation), missing, extra));
            }

            documents[language(translation)] = document;
        }

        return documents;
    }

    private static IReadOnlyList<Entity> Entities(
        IReadOnlyList<Reference> references,
        string field,
        EntityKind kind,
        IReadOnlyDictionary<string, Entity> entities,
        DiagnosticBag diagnostics)
    {
        var found = new List<Entity>();
        foreach (var reference in references)
        {
            if (!entities.TryGetValue(reference.Id, out var entity))
            {
                var candidates = entities.Values.Where(e => e.Kind == kind).Select(e => e.Id);
                diagnostics.Error(reference.Origin.Path, reference.Origin.Position, ErrorMessages.UnknownEntity(field, reference.Id, Suggestions.Closest(reference.Id, candidates)));
            }
            else if (entity.Kind != kind)
            {
                var actual = entity.Kind.ToString().ToLowerInvariant();
                diagnostics.Error(reference.Origin.Path, reference.Origin.Position, ErrorMessages.EntityOfWrongKind(field, entity.Id, actual, SiteUrls.EntityFolder(entity.Kind)));
            }
            else if (!found.Contains(entity))
            {
                found.Add(entity);
            }
        }

        return found;
    }

    private static void WarnAboutUnusedSources(
        TimelineContent content,
        IReadOnlyList<ResolvedEvent> events,
        IReadOnlyList<ResolvedEntity> entities,
        IReadOnlyList<ResolvedPage> pages,
        DiagnosticBag diagnostics)
    {
        // Plain loops: this runs on every rebuild of `timeline serve`. The texts are looked through only until every
        // source has been seen cited, which on most sites is long before the last one.
        var uncited = new HashSet<string>(content.Sources.Count, StringComparer.Ordinal);
        foreach (var source in content.Sources)
        {
            uncited.Add(source.Id);
        }

        void See(IReadOnlyList<string> ids)
        {
            for (var i = 0; i < ids.Count && uncited.Count > 0; i++)
            {
                uncited.Remove(ids[i]);
            }
        }

        void Add(RenderedDocument document, IReadOnlyDictionary<string, RenderedDocument> translations)
        {
            See(document.CitedSourceIds);
            if (translations.Count > 0)
            {
                foreach (var translation in translations.Values)
                {
                    See(translation.CitedSourceIds);
                }
            }
        }

        for (var i = 0; i < events.Count && uncited.Count > 0; i++)
        {
            Add(events[i].Body, events[i].TranslatedBodies);
        }

        for (var i = 0; i < entities.Count && uncited.Count > 0; i++)
        {
            Add(entities[i].Summary, entities[i].TranslatedSummaries);
        }

        for (var i = 0; i < pages.Count && uncited.Count > 0; i++)
        {
            Add(pages[i].Body, pages[i].TranslatedBodies);
        }

        foreach (var source in content.Sources)
        {
            if (uncited.Contains(source.Id))
            {
                diagnostics.Warning(source.Origin.Path, source.Origin.Position, ErrorMessages.UnusedSource(source.Id));
            }
        }
    }
}

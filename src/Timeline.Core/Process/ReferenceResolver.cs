using Timeline.Diagnostics;
using Timeline.Model;

namespace Timeline.Process;

/// <summary>
/// The second half of the Process phase: with every record known, checks each reference, renders the
/// Markdown of events, entities and pages (in parallel), and puts events in time order.
/// </summary>
public static class ReferenceResolver
{
    /// <summary>
    /// Events sort by the first day of their date; at the same first day the coarser date comes first
    /// (1988 before 1988-01-01), then the earlier end, then the id, so the order never depends on the files.
    /// </summary>
    public static readonly IComparer<TimelineEvent> TimeOrder = Comparer<TimelineEvent>.Create((a, b) =>
    {
        var byStart = a.When.Start.CompareTo(b.When.Start);
        if (byStart != 0)
        {
            return byStart;
        }

        var byEnd = (a.When.End ?? a.When.Start).CompareTo(b.When.End ?? b.When.Start);
        return byEnd != 0 ? byEnd : string.CompareOrdinal(a.Id, b.Id);
    });

    /// <summary>With a <paramref name="cache"/> (kept by `timeline serve`), Markdown whose inputs did not change is not rendered again.</summary>
    public static ResolvedSite Resolve(TimelineContent content, DiagnosticBag diagnostics, DocumentCache? cache = null)
    {
        var sources = content.Sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var events = content.Events.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var entities = content.Entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var urls = new SiteUrls(content.Site.BasePath);
        var documents = new DocumentResolver(sources, events, urls, diagnostics);
        var translated = content.Site.OtherLanguages.ToDictionary(
            language => language,
            language => new DocumentResolver(sources, events, urls.ForLanguage(language), diagnostics, language),
            StringComparer.Ordinal);
        RenderedDocument Document(object owner, MarkdownText text, IReadOnlyList<Reference> entrySources, string path) =>
            cache is null
                ? documents.Resolve(text, entrySources, path)
                : cache.Resolve(owner, text, entrySources, path, sources, events, urls, diagnostics);

        var ordered = content.Events.OrderBy(e => e, TimeOrder).ToList();
        var resolvedEvents = new ResolvedEvent[ordered.Count];
        Parallel.For(0, ordered.Count, i =>
        {
            var e = ordered[i];
            var body = Document(e, e.Body, e.Sources, e.Origin.Path);
            if (body.CitationsWritten == 0)
            {
                diagnostics.Error(e.Origin.Path, SourcePosition.File, ErrorMessages.CitesNothing());
            }

            foreach (var related in e.Related)
            {
                if (related.Id == e.Id)
                {
                    diagnostics.Error(related.Origin.Path, related.Origin.Position, ErrorMessages.RelatedToItself(related.Id));
                }
                else if (!events.ContainsKey(related.Id))
                {
                    diagnostics.Error(related.Origin.Path, related.Origin.Position, ErrorMessages.UnknownRelatedEvent(related.Id, Suggestions.Closest(related.Id, events.Keys)));
                }
            }

            resolvedEvents[i] = new ResolvedEvent(
                e,
                body,
                Entities(e.People, "people", EntityKind.Person, entities, diagnostics),
                Entities(e.Organisations, "organisations", EntityKind.Organisation, entities, diagnostics),
                Entities(e.Places, "places", EntityKind.Place, entities, diagnostics),
                e.Related.Select(r => r.Id).Where(id => id != e.Id && events.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList())
            {
                TranslatedBodies = Translate(e.Translations.Values, t => t.Language, t => t.Body, e.Sources, t => t.Origin, body, translated, diagnostics),
            };
        });

        var resolvedEntities = content.Entities
            .Select(entity =>
            {
                var summary = Document(entity, entity.Summary, entity.Sources, entity.Origin.Path);
                return new ResolvedEntity(entity, summary)
                {
                    TranslatedSummaries = Translate(entity.Translations.Values, t => t.Language, t => t.Summary, entity.Sources, t => t.Origin, summary, translated, diagnostics),
                };
            })
            .ToList();
        var resolvedPages = content.Pages
            .Select(page =>
            {
                var body = Document(page, page.Body, [], page.Origin.Path);
                return new ResolvedPage(page, body)
                {
                    TranslatedBodies = Translate(page.Translations.Values, t => t.Language, t => t.Body, [], t => t.Origin, body, translated, diagnostics),
                };
            })
            .ToList();

        cache?.Sweep();
        WarnAboutUnusedSources(content, resolvedEvents, resolvedEntities, resolvedPages, diagnostics);
        return new ResolvedSite(content.Site, content.Sources, resolvedEvents, resolvedEntities, content.Eras, resolvedPages);
    }

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
        IReadOnlyDictionary<string, DocumentResolver> resolvers,
        DiagnosticBag diagnostics)
    {
        var documents = new Dictionary<string, RenderedDocument>(StringComparer.Ordinal);
        foreach (var translation in translations)
        {
            if (text(translation).Text.Trim().Length == 0 || !resolvers.TryGetValue(language(translation), out var resolver))
            {
                continue;
            }

            var where = origin(translation);
            var document = resolver.Resolve(text(translation), entrySources, where.Path);
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
        IEnumerable<ResolvedEvent> events,
        IEnumerable<ResolvedEntity> entities,
        IEnumerable<ResolvedPage> pages,
        DiagnosticBag diagnostics)
    {
        var cited = events.SelectMany(e => e.TranslatedBodies.Values.Prepend(e.Body)).SelectMany(d => d.CitedSourceIds)
            .Concat(entities.SelectMany(e => e.TranslatedSummaries.Values.Prepend(e.Summary)).SelectMany(d => d.CitedSourceIds))
            .Concat(pages.SelectMany(p => p.TranslatedBodies.Values.Prepend(p.Body)).SelectMany(d => d.CitedSourceIds))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var source in content.Sources.Where(s => !cited.Contains(s.Id)))
        {
            diagnostics.Warning(source.Origin.Path, source.Origin.Position, ErrorMessages.UnusedSource(source.Id));
        }
    }
}

using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Model;

namespace Timeline.Loading;

/// <summary>
/// The first half of the Process phase, after each file was parsed on its own (Pipeline's LoadedInput does that, in
/// parallel, and again for only the changed files in `timeline serve`): checks that ids are unique, and joins pages and
/// their translations. References between records are resolved afterwards, by <see cref="ReferenceResolver"/>.
/// </summary>
internal static class ContentLoader
{
    /// <summary>
    /// Puts records loaded one file at a time together, keeping the first of each id in file order.
    /// </summary>
    public static TimelineContent? Assemble(
        SiteSettings? site,
        IReadOnlyList<Source> sources,
        IReadOnlyList<Entity> entities,
        IReadOnlyList<Era> eras,
        IReadOnlyList<TimelineEvent> loadedEvents,
        IReadOnlyList<Page> pages,
        DiagnosticBag diagnostics,
        IReadOnlyList<Tag>? tags = null)
    {
        var uniqueSources = Unique(sources, s => s.Id, s => s.Origin, "source", diagnostics);
        var uniqueEvents = Unique(loadedEvents, e => e.Id, e => e.Origin, "event", diagnostics);
        var uniqueEntities = Unique(entities, e => e.Id, e => e.Origin, "entity", diagnostics);
        var uniqueEras = Unique(eras, e => e.Id, e => e.Origin, "era", diagnostics);
        var uniqueTags = Unique(tags ?? [], t => t.Id, t => t.Origin, "tag", diagnostics);

        // A name for a tag no event uses is most likely a misspelt id, here or in the events. The events are looked
        // through only until every named tag is seen (serve does this on every rebuild); all of them only to suggest.
        var unused = uniqueTags.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < uniqueEvents.Count && unused.Count > 0; i++)
        {
            foreach (var tag in uniqueEvents[i].Tags)
            {
                unused.Remove(tag);
            }
        }

        if (unused.Count > 0)
        {
            var known = uniqueEvents.SelectMany(e => e.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            foreach (var tag in uniqueTags.Where(t => unused.Contains(t.Id)))
            {
                diagnostics.Warning(tag.Origin.Path, tag.Origin.Position, ErrorMessages.UnusedTag(tag.Id, Suggestions.Closest(tag.Id, known)));
            }
        }

        return site is null
            ? null
            : new TimelineContent(site, uniqueSources, uniqueEvents, uniqueEntities, uniqueEras, pages) { Tags = uniqueTags };
    }

    /// <summary>Reads each page, then each translation (about.fa.md) into the page it translates.</summary>
    public static List<Page> Pages(IReadOnlyList<InputFile> files, SiteLanguages? languages, DiagnosticBag diagnostics)
    {
        var loaded = files.Where(f => PageLoader.TranslationName(f) is null)
            .Select(f => PageLoader.Load(f, diagnostics))
            .OfType<Page>()
            .ToList();
        var pages = loaded.Where(p => !TakesAnAddress(p, languages, diagnostics)).ToList();
        var translations = new Dictionary<string, Dictionary<string, PageTranslation>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (PageLoader.TranslationName(file) is not var (id, language))
            {
                continue;
            }

            var check = new RecordValidator(file.DisplayPath, diagnostics);
            var known = TranslationReader.IsKnown(language, SourcePosition.WholeFile, languages, check);
            if (pages.All(p => p.Id != id))
            {
                // A page refused for its name was reported; its translations go with it.
                if (loaded.Any(p => p.Id == id))
                {
                    continue;
                }


                check.Error(SourcePosition.WholeFile, ErrorMessages.TranslatedPageWithoutPage(Identifiers.Visible(id), language));
                continue;
            }

            if (known && PageLoader.LoadTranslation(file, language, diagnostics) is { } translation)
            {
                if (!translations.TryGetValue(id, out var byLanguage))
                {
                    translations[id] = byLanguage = new Dictionary<string, PageTranslation>(StringComparer.Ordinal);
                }

                byLanguage[language] = translation;
            }
        }

        return pages.Select(p => translations.TryGetValue(p.Id, out var t) ? p with { Translations = t } : p).ToList();
    }

    /// <summary>
    /// Whether a page's address (/&lt;id&gt;/) is one the site writes itself: a language's home page (/de/) or a folder
    /// of the generator's (/pagefind/, /events/). Reported with a name to use instead.
    /// </summary>
    private static bool TakesAnAddress(Page page, SiteLanguages? languages, DiagnosticBag diagnostics)
    {
        var codes = languages is null ? [] : new[] { languages.Default }.Concat(languages.Others).ToList();
        if (!SiteUrls.ReservedPageNames(codes).Contains(page.Id))
        {
            return false;
        }

        var address = "/" + page.Id + "/";
        var file = page.Origin.Path[..(page.Origin.Path.LastIndexOf('/') + 1)] + page.Id + "-page.md";
        diagnostics.Error(page.Origin.Path, SourcePosition.WholeFile, codes.Contains(page.Id)
            ? ErrorMessages.PageNamedLikeLanguage(page.Id, address, file)
            : ErrorMessages.PageNamedLikeSiteFolder(page.Id, address, file, SiteUrls.RootFolders));
        return true;
    }

    /// <summary>Keeps the first record of each id and reports the others where they are written.</summary>
    private static IReadOnlyList<T> Unique<T>(IEnumerable<T> items, Func<T, string> id, Func<T, Origin> origin, string kind, DiagnosticBag diagnostics)
    {
        var count = items.TryGetNonEnumeratedCount(out var known) ? known : 0;
        var first = new Dictionary<string, T>(count, StringComparer.Ordinal);
        var kept = new List<T>(count);
        foreach (var item in items)
        {
            var key = id(item);
            if (!first.TryAdd(key, item))
            {
                var where = origin(item);
                diagnostics.Error(where.Path, where.Position, ErrorMessages.DuplicateId(kind, key, origin(first[key]).ToString()));
                continue;
            }

            kept.Add(item);
        }

        return kept;
    }
}

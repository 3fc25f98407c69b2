using Timeline.Model;

namespace Timeline.Languages;

/// <summary>
/// The texts a language's tree shows in the default language because they have no translation yet, by record id.
/// Pages mark them with the default language's lang and a visible note.
/// </summary>
internal sealed record Fallbacks(
    IReadOnlySet<string> EventTexts,
    IReadOnlySet<string> EventBodies,
    IReadOnlySet<string> EntityNames,
    IReadOnlySet<string> EntitySummaries,
    IReadOnlySet<string> EraTitles,
    IReadOnlySet<string> EraSummaries,
    IReadOnlySet<string> Pages,
    IReadOnlySet<string> SourceNotes)
{
    public static readonly Fallbacks None = new(
        new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>());
}

/// <summary>
/// One language's view of the resolved site: the same records with their translated titles, summaries and bodies
/// where they exist, and the default language's text where they do not (listed in <see cref="Fallbacks"/>). The
/// settings' base_url is the language's tree (/fa/), so every address made from them points into that tree.
/// </summary>
internal static class LocalizedSite
{
    public static (ResolvedSite Site, Fallbacks Fallbacks) For(ResolvedSite site, string language)
    {
        if (language == site.Site.Language)
        {
            return (site, Fallbacks.None);
        }

        var eventTexts = new HashSet<string>(StringComparer.Ordinal);
        var eventBodies = new HashSet<string>(StringComparer.Ordinal);
        var entityNames = new HashSet<string>(StringComparer.Ordinal);
        var entitySummaries = new HashSet<string>(StringComparer.Ordinal);
        var eraTitles = new HashSet<string>(StringComparer.Ordinal);
        var eraSummaries = new HashSet<string>(StringComparer.Ordinal);
        var pages = new HashSet<string>(StringComparer.Ordinal);
        var sourceNotes = new HashSet<string>(StringComparer.Ordinal);

        var entities = site.Entities.ToDictionary(x => x.Entity.Id, x =>
        {
            var entity = x.Entity;
            if (entity.Translations.TryGetValue(language, out var t))
            {
                entity = entity with { Name = t.Name };
            }
            else
            {
                entityNames.Add(entity.Id);
            }

            if (x.TranslatedSummaries.TryGetValue(language, out var summary))
            {
                return x with { Entity = entity, Summary = summary };
            }

            if (x.Summary.HasHtml)
            {
                entitySummaries.Add(entity.Id);
            }

            return x with { Entity = entity };
        }, StringComparer.Ordinal);

        Entity Localize(Entity e) => entities.TryGetValue(e.Id, out var x) ? x.Entity : e;

        var events = site.Events.Select(e =>
        {
            var record = e.Event;
            if (record.Translations.TryGetValue(language, out var t))
            {
                record = record with { Title = t.Title, Summary = t.Summary };
            }
            else
            {
                eventTexts.Add(e.Id);
            }

            var body = e.Body;
            if (e.TranslatedBodies.TryGetValue(language, out var translated))
            {
                body = translated;
            }
            else if (e.Body.HasHtml)
            {
                eventBodies.Add(e.Id);
            }

            return e with
            {
                Event = record,
                Body = body,
                People = e.People.Select(Localize).ToList(),
                Organisations = e.Organisations.Select(Localize).ToList(),
                Places = e.Places.Select(Localize).ToList(),
            };
        }).ToList();

        var eras = site.Eras.Select(era =>
        {
            if (!era.Translations.TryGetValue(language, out var t))
            {
                eraTitles.Add(era.Id);
                if (era.Summary is not null)
                {
                    eraSummaries.Add(era.Id);
                }

                return era;
            }

            if (t.Summary is null && era.Summary is not null)
            {
                eraSummaries.Add(era.Id);
            }

            return era with { Title = t.Title, Summary = t.Summary ?? era.Summary };
        }).ToList();

        var localizedPages = site.Pages.Select(p =>
        {
            if (p.Page.Translations.TryGetValue(language, out var t) && p.TranslatedBodies.TryGetValue(language, out var body))
            {
                return p with { Page = p.Page with { Title = t.Title, Summary = t.Summary }, Body = body };
            }

            pages.Add(p.Page.Id);
            return p;
        }).ToList();

        // A source's title and publisher stay as published; only its note, and a title of its own in the language, change.
        var sources = site.Sources.Select(source =>
        {
            var t = source.Translations.GetValueOrDefault(language);
            if (t?.Note is null && source.Note is not null)
            {
                sourceNotes.Add(source.Id);
            }

            return t is null ? source : source with { Title = t.Title ?? source.Title, Note = t.Note ?? source.Note };
        }).ToList();

        var settings = site.Site;
        var translation = settings.Translations.GetValueOrDefault(language);
        var localized = settings with
        {
            Title = translation?.Title ?? settings.Title,
            Description = translation?.Description ?? settings.Description,
            Publisher = translation?.PublisherName is { } name && settings.Publisher is { } publisher ? publisher with { Name = name } : settings.Publisher,
            Corrections = translation?.CorrectionsPolicy is { } policy && settings.Corrections is { } corrections ? corrections with { Policy = policy } : settings.Corrections,
            Language = language,
            BaseUrl = new Uri(settings.BaseUrl, new SiteUrls(settings.BasePath).ForLanguage(language).Index),
        };

        return (
            site with { Site = localized, Sources = sources, Events = events, Entities = site.Entities.Select(x => entities[x.Entity.Id]).ToList(), Eras = eras, Pages = localizedPages },
            new Fallbacks(eventTexts, eventBodies, entityNames, entitySummaries, eraTitles, eraSummaries, pages, sourceNotes));
    }
}

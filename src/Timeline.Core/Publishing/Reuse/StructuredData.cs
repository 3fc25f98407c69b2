using System.Text.Json.Nodes;
using Timeline.Model;

namespace Timeline.Publishing.Reuse;

/// <summary>
/// The schema.org description of an event's page, as JSON-LD. The page is a WebPage (an entry of a website, with
/// no byline, which Article would expect) whose 'about' is the Event: its name, its dates at the
/// precision the record has (ISO 8601 allows 1988 and 1988-07) and its places; the page's own datePublished and
/// dateModified are the entry's, when known. People and organisations are
/// 'mentions', which claims no role in the event; the sources are the page's 'citation'.
/// </summary>
internal static class StructuredData
{
    public static string ForEvent(ResolvedEvent e, SiteSettings site, SiteUrls urls, Func<string, string> absolute)
    {
        var url = absolute(urls.Event(e.Id));
        var happening = new JsonObject
        {
            ["@type"] = "Event",
            ["name"] = e.Event.Title,
            ["description"] = e.Event.Summary,
            ["startDate"] = e.Event.When.Start.ToString(),
        };
        if (e.Event.When.End is { } end && end != e.Event.When.Start)
        {
            happening["endDate"] = end.ToString();
        }

        if (e.Places.Count > 0)
        {
            happening["location"] = Things(e.Places, urls, absolute);
        }

        happening["url"] = url;

        var page = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "WebPage",
            ["name"] = e.Event.Title,
            ["description"] = e.Event.Summary,
            ["url"] = url,
            ["inLanguage"] = site.Language,
            ["isPartOf"] = new JsonObject { ["@type"] = "WebSite", ["name"] = site.Title, ["url"] = site.BaseUrl.ToString() },
            ["about"] = happening,
        };
        Owner(page, site);

        // The page's own dates, not the event's: when the entry was first published and last changed.
        if (e.Event.Dates.Published is { } published)
        {
            page["datePublished"] = EntryCitation.Iso(published);
        }

        if (e.Event.Dates.LastUpdated is { } updated)
        {
            page["dateModified"] = EntryCitation.Iso(updated);
        }
        var mentioned = e.People.Concat(e.Organisations).ToList();
        if (mentioned.Count > 0)
        {
            page["mentions"] = Things(mentioned, urls, absolute);
        }

        var sources = e.Body.Notes.Select(n => n.Source).DistinctBy(s => s.Id).ToList();
        if (sources.Count > 0)
        {
            page["citation"] = new JsonArray(sources.Select(s => (JsonNode?)Work(s)).ToArray());
        }

        return ReuseJson.WriteForHtml(page);
    }

    /// <summary>The home page's description: the WebSite, in its language, with its publisher and licence when site.yml names them.</summary>
    public static string ForSite(SiteSettings site, string url)
    {
        var website = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "WebSite",
            ["name"] = site.Title,
            ["description"] = site.Description,
            ["url"] = url,
            ["inLanguage"] = site.Language,
        };
        Owner(website, site);
        return ReuseJson.WriteForHtml(website);
    }

    /// <summary>The publisher as an Organization (its name and address) and the licence as the address of its terms, as schema.org asks.</summary>
    private static void Owner(JsonObject node, SiteSettings site)
    {
        if (site.Publisher is { } publisher)
        {
            var organization = new JsonObject { ["@type"] = "Organization", ["name"] = publisher.Name };
            if (publisher.Url is { } url)
            {
                organization["url"] = url;
            }

            node["publisher"] = organization;
        }

        if (site.License is { } license)
        {
            node["license"] = license.Url;
        }
    }

    private static JsonArray Things(IEnumerable<Entity> entities, SiteUrls urls, Func<string, string> absolute) =>
        new(entities.Select(x => (JsonNode?)new JsonObject
        {
            ["@type"] = x.Kind switch
            {
                EntityKind.Person => "Person",
                EntityKind.Organisation => "Organization",
                _ => "Place",
            },
            ["name"] = x.Name,
            ["url"] = absolute(urls.Entity(x.Kind, x.Id)),
        }).ToArray());

    /// <summary>A source as a CreativeWork. Its publisher is left out: it is free text ("Unidentified website") and may name no organisation.</summary>
    private static JsonObject Work(Source source)
    {
        var work = new JsonObject { ["@type"] = "CreativeWork", ["name"] = source.Title };
        if (source.Date is { } date)
        {
            work["datePublished"] = date.ToString();
        }

        if (source.Url is { } link)
        {
            work["url"] = link;
        }

        return work;
    }
}

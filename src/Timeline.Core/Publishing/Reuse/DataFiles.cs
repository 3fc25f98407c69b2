using System.Text.Json.Nodes;
using System.Text.Json;
using Timeline.Dates;
using Timeline.Model;
using Timeline.Output;

namespace Timeline.Publishing.Reuse;

/// <summary>
/// /events.json and /sources.json: the whole timeline as data, for teachers and researchers to reuse.
/// Their shape is documented in README.md ("Data for reuse"); <see cref="Version"/> changes only when a field is
/// removed or changes meaning.
/// </summary>
internal static class DataFiles
{
    public const int Version = 1;

    /// <param name="parts">Each event's part, copied from the last build's file when its key is the same (see <see cref="FileParts"/>).</param>
    public static void Events(ResolvedSite site, SiteUrls urls, Func<string, string> absolute, Stream output, FileParts? parts = null)
    {
        JsonObject Event(int position)
        {
            var e = site.Events[position];
            return new JsonObject
            {
                ["id"] = e.Id,
                ["url"] = absolute(urls.Event(e.Id)),
                ["title"] = e.Event.Title,
                ["summary"] = e.Event.Summary,
                ["date"] = Date(e.Event.When),
                ["tags"] = ReuseJson.Strings(e.Event.Tags),
                ["entities"] = new JsonArray(e.People.Concat(e.Organisations).Concat(e.Places).Select(x => (JsonNode?)new JsonObject
                {
                    ["id"] = x.Id,
                    ["kind"] = x.Kind.ToString().ToLowerInvariant(),
                    ["name"] = x.Name,
                    ["url"] = absolute(urls.Entity(x.Kind, x.Id)),
                }).ToArray()),
                ["related"] = ReuseJson.Strings(e.RelatedIds),
                ["citations"] = new JsonArray(e.Body.Notes.Select(n => (JsonNode?)new JsonObject
                {
                    ["note"] = n.Number,
                    ["source"] = n.Source.Id,
                    ["title"] = n.Source.Title,
                    ["author"] = n.Source.Author,
                    ["publisher"] = n.Source.Publisher,
                    ["url"] = n.Source.Url,
                    ["locator"] = n.Locator,
                }).ToArray()),
            };
        }

        Write(output, site.Site, "events", Enumerable.Range(0, site.Events.Count), Event, parts ?? FileParts.None);
    }

    /// <param name="parts">Each source's part (by its number in the site's list), copied from the last build's file when its key is the same.</param>
    public static void Sources(ResolvedSite site, SiteUrls urls, Func<string, string> absolute, Stream output, FileParts? parts = null)
    {
        var citing = site.Sources.ToDictionary(s => s.Id, _ => new List<ResolvedEvent>(), StringComparer.Ordinal);
        foreach (var e in site.Events)
        {
            foreach (var id in e.Body.CitedSourceIds.Distinct(StringComparer.Ordinal))
            {
                citing[id].Add(e);
            }
        }

        JsonObject Source(int index)
        {
            var s = site.Sources[index];
            return new JsonObject
            {
                ["id"] = s.Id,
                ["title"] = s.Title,
                ["author"] = s.Author,
                ["publisher"] = s.Publisher,
                ["date"] = s.Date?.ToString(),
                ["kind"] = s.Kind.ToString().ToLowerInvariant(),
                ["url"] = s.Url,
                ["archive_url"] = s.ArchiveUrl,
                ["accessed"] = s.Accessed?.ToString(),
                ["note"] = s.Note,
                ["bibliography_url"] = absolute(urls.Source(s.Id)),
                ["page_url"] = absolute(urls.SourcePage(s.Id)),
                ["cited_by"] = new JsonArray(citing[s.Id].Select(e => (JsonNode?)new JsonObject
                {
                    ["id"] = e.Id,
                    ["title"] = e.Event.Title,
                    ["url"] = absolute(urls.Event(e.Id)),
                }).ToArray()),
            };
        }

        var byId = Enumerable.Range(0, site.Sources.Count).OrderBy(i => site.Sources[i].Id, StringComparer.Ordinal);
        Write(output, site.Site, "sources", byId, Source, parts ?? FileParts.None);
    }

    /// <summary>
    /// The file's frame (version, site) and its list, one item at a time: a list of 10,000 events made as one tree of
    /// JSON nodes, then one string, was a third of a large build's peak memory.
    /// </summary>
    private static void Write(Stream output, SiteSettings settings, string name, IEnumerable<int> items, Func<int, JsonObject> make, FileParts parts)
    {
        using (var json = ReuseJson.Writer(output))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WritePropertyName("site");
            ReuseJson.Write(json, Site(settings));
            json.WriteStartArray(name);
            ReuseJson.WriteItems(json, items, make, parts);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write("\n"u8);
    }

    /// <summary>The site, and who stands behind it: each of publisher, contact, corrections and license is null when site.yml does not say.</summary>
    private static JsonObject Site(SiteSettings settings) => new()
    {
        ["title"] = settings.Title,
        ["description"] = settings.Description,
        ["url"] = settings.BaseUrl.ToString(),
        ["language"] = settings.Language,
        ["publisher"] = settings.Publisher is { } publisher ? new JsonObject { ["name"] = publisher.Name, ["url"] = publisher.Url } : null,
        ["contact"] = settings.Contact?.Text,
        ["corrections"] = settings.Corrections is { } corrections ? new JsonObject { ["contact"] = corrections.Contact.Text, ["policy"] = corrections.Policy } : null,
        ["license"] = settings.License is { } license ? new JsonObject { ["id"] = license.Id, ["name"] = license.Name, ["url"] = license.Url } : null,
    };

    /// <summary>A date as precise as the record: ISO text for each end, its precision, and whether it is circa.</summary>
    private static JsonObject Date(DateSpan when)
    {
        var end = when.End is { } e && e != when.Start ? e : (PartialDate?)null;
        return new JsonObject
        {
            ["start"] = when.Start.ToString(),
            ["start_precision"] = ReuseJson.Precision(when.Start),
            ["end"] = end?.ToString(),
            ["end_precision"] = end is { } last ? ReuseJson.Precision(last) : null,
            ["circa"] = when.Circa,
            ["text"] = EnglishDates.Format(when),
            ["text_solar_hijri"] = SolarHijriDates.Format(when),
        };
    }
}

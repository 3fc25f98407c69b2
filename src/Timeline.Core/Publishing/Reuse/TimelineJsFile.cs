using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Timeline.Dates;
using Timeline.Model;
using Timeline.Output;

namespace Timeline.Publishing.Reuse;

/// <summary>
/// /timelinejs.json: the site's events in the JSON format of Knight Lab's TimelineJS, so that an educator can show the
/// timeline in a TimelineJS embed (README, "Data for reuse"). A slide holds the summary, not the body: the body's
/// note markers point at notes that only the event's page lists, so each slide links to that page instead.
/// </summary>
internal static class TimelineJsFile
{
    // Persian and other scripts stay as text; only what HTML gives a meaning to is escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <param name="dateText">The date as the site writes it in this language ("c. 1988", "19 July 1988").</param>
    /// <param name="readMore">The words of the link from a slide to the event's page.</param>
    /// <param name="parts">Each event's slide, copied from the last build's file when its key is the same (see <see cref="FileParts"/>).</param>
    public static void Write(ResolvedSite site, SiteUrls urls, Func<string, string> absolute, Func<DateSpan, string> dateText, string readMore, Stream output, FileParts? parts = null)
    {
        JsonObject Slide(int position)
        {
            var e = site.Events[position];
            var slide = new JsonObject
            {
                ["unique_id"] = e.Id,
                ["start_date"] = Date(e.Event.When.Start),
            };
            if (e.Event.When.End is { } end && end != e.Event.When.Start)
            {
                slide["end_date"] = Date(end);
            }

            slide["display_date"] = dateText(e.Event.When);
            slide["text"] = new JsonObject
            {
                ["headline"] = Html.Encode(e.Event.Title),
                ["text"] = $"<p>{Html.Encode(e.Event.Summary)}</p><p><a href=\"{Html.Encode(absolute(urls.Event(e.Id)))}\">{Html.Encode(readMore)}</a></p>",
            };

            // TimelineJS draws one row per group: the first tag keeps related events on one line.
            if (e.Event.Tags.Count > 0)
            {
                slide["group"] = e.Event.Tags[0];
            }

            return slide;
        }

        // Written one slide at a time, as events.json is: a large site's list as one tree of nodes costs its memory twice.
        using (var json = ReuseJson.Writer(output))
        {
            json.WriteStartObject();
            json.WritePropertyName("title");
            ReuseJson.Write(json, new JsonObject
            {
                ["text"] = new JsonObject
                {
                    ["headline"] = Html.Encode(site.Site.Title),
                    ["text"] = $"<p>{Html.Encode(site.Site.Description)}</p>",
                },
            });
            json.WriteStartArray("events");
            ReuseJson.WriteItems(json, Enumerable.Range(0, site.Events.Count), Slide, parts ?? FileParts.None);
            json.WriteEndArray();

            // Eras become TimelineJS's eras, the labelled bands of its time axis, as they are the overview's bands here.
            if (site.Eras.Count > 0)
            {
                json.WriteStartArray("eras");
                foreach (var era in site.Eras)
                {
                    // TimelineJS drops an end equal to its start and then refuses the whole file ("All eras must have
                    // start and end dates"): an era of one year or month is written as its first and last days.
                    var (start, eraEnd) = era.Start == era.End && era.Start.Precision != DatePrecision.Day
                        ? (PartialDate.OfDay(era.Start.FirstDay), PartialDate.OfDay(era.End.LastDay))
                        : (era.Start, era.End);
                    ReuseJson.Write(json, new JsonObject
                    {
                        ["start_date"] = Date(start),
                        ["end_date"] = Date(eraEnd),
                        ["text"] = new JsonObject { ["headline"] = Html.Encode(era.Title) },
                    });
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        output.Write("\n"u8);
    }

    /// <summary>A TimelineJS date object as precise as the record: year, then month and day only when known.</summary>
    private static JsonObject Date(PartialDate date)
    {
        var parts = new JsonObject { ["year"] = date.Year };
        if (date.Month is { } month)
        {
            parts["month"] = month;
        }

        if (date.Day is { } day)
        {
            parts["day"] = day;
        }

        return parts;
    }
}

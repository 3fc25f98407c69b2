using System.Globalization;
using System.Text.RegularExpressions;
using Timeline.Cli.New;
using Timeline.Dates;
using Timeline.Diagnostics;
using Timeline.Loading;

namespace Timeline.Cli.Import;

/// <summary>An event to write: its fields as the loader reads them, and the slide it comes from.</summary>
internal sealed record EventDraft(string Id, PartialDate Date, PartialDate? End, bool Circa, string Title, string Summary, IReadOnlyList<string> Tags, IReadOnlyList<string> Sources, string Body, string From);

/// <summary>A source made from a slide's media: its address, credit and caption.</summary>
internal sealed record SourceDraft(string Id, string Title, string Publisher, string Kind, string? Url);

/// <summary>An era made from a slide of type era (or the JSON's eras).</summary>
internal sealed record EraDraft(string Id, string Title, PartialDate Start, PartialDate End, string? Summary);

/// <summary>What is already in the input folder: the ids an import may not take, and the sources it may cite again.</summary>
internal sealed record ExistingRecords(IReadOnlySet<string> EventIds, IReadOnlySet<string> SourceIds, IReadOnlyDictionary<string, string> SourceByUrl, IReadOnlySet<string> EraIds);

/// <summary>
/// Turns TimelineJS slides into records: dates at the precision the slide gives, the headline as title, the text as
/// Markdown, the group as a tag, the media as a source. Every slide it cannot convert is reported; nothing is guessed.
/// </summary>
internal sealed partial class SlideConverter(string shownPath, ExistingRecords existing, string? fallbackSource, DiagnosticBag diagnostics)
{
    private const int MaxTitle = TextLimits.Line;
    private const int MaxSummary = TextLimits.Summary;

    private readonly HashSet<string> _eventIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sourceIds = new(existing.SourceIds, StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sourceByUrl = new(existing.SourceByUrl, StringComparer.Ordinal);
    private readonly HashSet<string> _eraIds = new(existing.EraIds, StringComparer.Ordinal);

    public List<EventDraft> Events { get; } = [];

    public List<SourceDraft> Sources { get; } = [];

    public List<EraDraft> Eras { get; } = [];

    /// <summary>The headlines of title slides, which are not imported (README, "Coming from TimelineJS").</summary>
    public List<string> TitleSlides { get; } = [];

    public void Add(Slide slide)
    {
        switch (slide.Type)
        {
            case "title":
                TitleSlides.Add(HtmlToMarkdown.Plain(slide.Headline.Text));
                break;
            case "era":
                Era(slide);
                break;
            default:
                // TimelineJS shows a slide of any other type as an event, and so does the import.
                Event(slide);
                break;
        }
    }

    private void Event(Slide slide)
    {
        var start = Date(slide, slide.Start, required: true);
        var end = slide.End.IsEmpty ? null : Date(slide, slide.End, required: true);
        var title = Title(slide);
        var tag = Tag(slide);
        if (start is not { } date || title is null || (!slide.End.IsEmpty && end is null) || (slide.Group.IsEmpty ? false : tag is null))
        {
            return;
        }

        if (end is { } last && last.LastDay < date.FirstDay)
        {
            diagnostics.Error(shownPath, slide.End.Year.Position, ErrorMessages.ImportEndBeforeStart(slide.Where, last.ToString(), date.ToString()));
            return;
        }

        if (EventId(slide, date, title) is not { } id)
        {
            return;
        }

        var body = HtmlToMarkdown.Markdown(slide.Text.Text);
        var sources = new List<string>();
        var media = Media(slide, id, title, out var quote);
        if (media is not null)
        {
            sources.Add(media);
        }
        else if (fallbackSource is not null)
        {
            sources.Add(fallbackSource);
        }
        else
        {
            diagnostics.Error(shownPath, slide.Position, ErrorMessages.ImportNoSource(slide.Where));
            return;
        }

        if (quote.Length > 0)
        {
            body = body.Length == 0 ? quote : body + "\n\n" + quote;
        }

        var summary = Shorten(HtmlToMarkdown.Plain(slide.Text.Text), MaxSummary);
        Events.Add(new EventDraft(
            id,
            date,
            end is { } e && e != date ? e : null,
            Circa().IsMatch(HtmlToMarkdown.Plain(slide.DisplayDate.Text)),
            title,
            summary.Length > 0 ? summary : title,
            tag is null ? [] : [tag],
            sources,
            body,
            slide.Where));
    }

    private void Era(Slide slide)
    {
        var start = Date(slide, slide.Start, required: true);
        var end = Date(slide, slide.End, required: true);
        var title = Title(slide);
        if (start is not { } first || end is not { } last || title is null)
        {
            return;
        }

        if (last.LastDay < first.FirstDay)
        {
            diagnostics.Error(shownPath, slide.End.Year.Position, ErrorMessages.ImportEndBeforeStart(slide.Where, last.ToString(), first.ToString()));
            return;
        }

        var id = Unique(RecordScaffold.IdFrom(title) ?? "era", _eraIds);
        var summary = Shorten(HtmlToMarkdown.Plain(slide.Text.Text), MaxSummary);
        var (from, to) = WholeYearOrMonth(first, last);
        Eras.Add(new EraDraft(id, title, from, to, summary.Length > 0 ? summary : null));
    }

    /// <summary>
    /// An era from the first to the last day of one year or month is that year or month: /timelinejs.json writes an
    /// era of one year or month so, as TimelineJS refuses an era whose end equals its start.
    /// </summary>
    private static (PartialDate Start, PartialDate End) WholeYearOrMonth(PartialDate first, PartialDate last)
    {
        if (first.Precision == DatePrecision.Day && last.Precision == DatePrecision.Day && first.Year == last.Year)
        {
            var year = PartialDate.OfYear(first.Year);
            if (first.FirstDay == year.FirstDay && last.LastDay == year.LastDay)
            {
                return (year, year);
            }

            var month = PartialDate.OfMonth(first.Year, first.Month!.Value);
            if (first.Month == last.Month && first.FirstDay == month.FirstDay && last.LastDay == month.LastDay)
            {
                return (month, month);
            }
        }

        return (first, last);
    }

    /// <summary>A date at the precision the slide gives it, or null with the problem reported.</summary>
    private PartialDate? Date(Slide slide, SlideDate date, bool required)
    {
        var year = Number(date.Year);
        var month = Number(date.Month);
        var day = Number(date.Day);
        if (year.Length == 0)
        {
            if (required)
            {
                var others = month.Length > 0 || day.Length > 0 ? "empty while the month or day is given" : "empty, and every event and era needs a year";
                diagnostics.Error(shownPath, date.Year.Position, ErrorMessages.ImportBadDate(slide.Where, date.Year.Name, "", others));
            }

            return null;
        }

        if (!YearPattern().IsMatch(year))
        {
            diagnostics.Error(shownPath, date.Year.Position, ErrorMessages.ImportBadDate(slide.Where, date.Year.Name, date.Year.Text, "not a year"));
            return null;
        }

        if (year.StartsWith('-') || year.Length > 4)
        {
            diagnostics.Error(shownPath, date.Year.Position, ErrorMessages.ImportDateOutOfRange(slide.Where, year));
            return null;
        }

        var iso = int.Parse(year, CultureInfo.InvariantCulture).ToString("D4", CultureInfo.InvariantCulture);
        if (month.Length > 0)
        {
            if (!int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12)
            {
                diagnostics.Error(shownPath, date.Month.Position, ErrorMessages.ImportBadDate(slide.Where, date.Month.Name, date.Month.Text, "not a month from 1 to 12"));
                return null;
            }

            iso += string.Create(CultureInfo.InvariantCulture, $"-{m:D2}");
        }

        if (day.Length > 0)
        {
            if (month.Length == 0)
            {
                diagnostics.Error(shownPath, date.Day.Position, ErrorMessages.ImportBadDate(slide.Where, date.Day.Name, date.Day.Text, "a day without a month"));
                return null;
            }

            if (!int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d is < 1 or > 31)
            {
                diagnostics.Error(shownPath, date.Day.Position, ErrorMessages.ImportBadDate(slide.Where, date.Day.Name, date.Day.Text, "not a day from 1 to 31"));
                return null;
            }

            iso += string.Create(CultureInfo.InvariantCulture, $"-{d:D2}");
        }

        var parsed = PartialDate.Parse(iso);
        switch (parsed.Error)
        {
            case PartialDateError.None:
                return parsed.Date;
            case PartialDateError.OutOfRange:
                diagnostics.Error(shownPath, date.Year.Position, ErrorMessages.ImportDateOutOfRange(slide.Where, iso));
                return null;
            default:
                diagnostics.Error(shownPath, date.Day.Position, ErrorMessages.ImportBadDate(slide.Where, date.Day.Name, date.Day.Text, $"a day that {iso[..7]} does not have"));
                return null;
        }
    }

    /// <summary>A number as TimelineJS reads a cell: spaces and thousands commas left out ("1,988" is 1988).</summary>
    private static string Number(SlideField field) => string.Concat(field.Text.Where(c => !char.IsWhiteSpace(c) && c != ','));

    private string? Title(Slide slide)
    {
        var title = HtmlToMarkdown.Plain(slide.Headline.Text);
        if (title.Length == 0)
        {
            diagnostics.Error(shownPath, slide.Headline.Position, ErrorMessages.ImportNoHeadline(slide.Where));
            return null;
        }

        if (title.Length > MaxTitle)
        {
            diagnostics.Error(shownPath, slide.Headline.Position, ErrorMessages.ImportTextTooLong(slide.Where, slide.Headline.Name, title.Length, MaxTitle));
            return null;
        }

        return title;
    }

    /// <summary>The group as a tag, made as `timeline new` makes ids ("Trials abroad" is trials-abroad); null when none can be.</summary>
    private string? Tag(Slide slide)
    {
        if (slide.Group.IsEmpty)
        {
            return null;
        }

        var group = HtmlToMarkdown.Plain(slide.Group.Text);
        if (RecordScaffold.IdFrom(group) is { } tag)
        {
            return tag;
        }

        diagnostics.Error(shownPath, slide.Group.Position, ErrorMessages.ImportBadGroup(slide.Where, group));
        return null;
    }

    /// <summary>
    /// The slide's unique_id when it is a valid id (the export writes each event's), else the date and the headline's
    /// words, as `timeline new event` names events. Two slides alike get -2, -3; an existing record is never replaced.
    /// </summary>
    private string? EventId(Slide slide, PartialDate date, string title)
    {
        var given = slide.UniqueId.Text.Trim();
        var id = given.Length > 0 && Identifiers.Problem(given) is null ? given : $"{date}-{RecordScaffold.IdFrom(title) ?? "event"}";
        if (existing.EventIds.Contains(id))
        {
            diagnostics.Error(shownPath, slide.Position, ErrorMessages.ImportRecordExists(slide.Where, $"{id}.yml"));
            return null;
        }

        id = Unique(id, _eventIds, existing.EventIds);
        return id;
    }

    /// <summary>
    /// The id of the source the slide's media names: a source already listed with the same address, or a new one
    /// (title from the caption, publisher from the credit). Media that is no address (a quotation written as HTML)
    /// comes back as a Markdown quotation for the body.
    /// </summary>
    private string? Media(Slide slide, string eventId, string title, out string quote)
    {
        quote = "";
        var media = slide.Media.Text.Trim();
        var url = UrlPolicy.IsHttp(media) ? media : media.Contains('<') ? HtmlToMarkdown.MediaAddress(media) : null;
        if (url is null && media.Contains('<'))
        {
            var text = HtmlToMarkdown.Markdown(media);
            quote = text.Length == 0 || text.StartsWith('>') ? text : string.Join("\n", text.Split('\n').Select(l => ("> " + l).TrimEnd()));
        }

        var credit = Shorten(HtmlToMarkdown.Plain(slide.Credit.Text), MaxTitle);
        var caption = Shorten(HtmlToMarkdown.Plain(slide.Caption.Text), MaxTitle);
        if (url is not null && _sourceByUrl.TryGetValue(url, out var known))
        {
            return known;
        }

        if (url is null && credit.Length == 0)
        {
            return null;
        }

        var host = url is null ? "" : new Uri(url).Host;
        var id = Unique((eventId.Length > Identifiers.MaxLength - 10 ? eventId[..(Identifiers.MaxLength - 10)].TrimEnd('-') : eventId) + "-media", _sourceIds);
        var source = new SourceDraft(
            id,
            caption.Length > 0 ? caption : credit.Length > 0 ? credit : Shorten($"{title} ({host})", MaxTitle),
            credit.Length > 0 ? credit : host,
            KindOf(host),
            url);
        Sources.Add(source);
        if (url is not null)
        {
            _sourceByUrl[url] = id;
        }

        return id;
    }

    /// <summary>A source's kind from where its media lives; "other" for anything else, an image among them.</summary>
    private static string KindOf(string host)
    {
        var h = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        return h switch
        {
            "youtube.com" or "youtu.be" or "m.youtube.com" or "vimeo.com" or "dailymotion.com" => "video",
            "soundcloud.com" or "open.spotify.com" => "audio",
            "twitter.com" or "x.com" or "instagram.com" or "facebook.com" or "t.me" => "post",
            _ when h.EndsWith("wikipedia.org", StringComparison.Ordinal) => "article",
            _ => "other",
        };
    }

    /// <summary>The id, or the first of id-2, id-3, ... that none of the sets holds; it is added to the first.</summary>
    private static string Unique(string id, HashSet<string> taken, IReadOnlySet<string>? alsoTaken = null)
    {
        var candidate = id;
        var stem = id.Length > Identifiers.MaxLength - 5 ? id[..(Identifiers.MaxLength - 5)].TrimEnd('-') : id;
        for (var n = 2; taken.Contains(candidate) || (alsoTaken?.Contains(candidate) ?? false); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
        }

        taken.Add(candidate);
        return candidate;
    }

    /// <summary>Plain text cut to the limit: at the end of a sentence when one ends in its second half, else at a word, with "…".</summary>
    private static string Shorten(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        var sentence = text.LastIndexOf(". ", limit - 1, StringComparison.Ordinal);
        if (sentence > limit / 2)
        {
            return text[..(sentence + 1)];
        }

        var space = text.LastIndexOf(' ', limit - 2);
        return (space > 0 ? text[..space] : text[..(limit - 1)]).TrimEnd() + "…";
    }

    [GeneratedRegex(@"^-?\d+$")]
    private static partial Regex YearPattern();

    /// <summary>A display date that says the date is approximate: "c. 1943", "ca. 1943", "circa 1943", "about 1943".</summary>
    [GeneratedRegex(@"^\s*(c\.|ca\.|circa\b|about\b|around\b|approx)", RegexOptions.IgnoreCase)]
    private static partial Regex Circa();
}

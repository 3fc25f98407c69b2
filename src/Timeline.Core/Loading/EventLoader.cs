using Timeline.Dates;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Model;
using Timeline.Records;
using Timeline.Yaml;

namespace Timeline.Loading;

/// <summary>Reads one event file into a validated <see cref="TimelineEvent"/>.</summary>
internal static class EventLoader
{
    public const int MaxSummaryLength = TextLimits.Summary;

    public static TimelineEvent? Load(InputFile file, DiagnosticBag diagnostics, SiteLanguages? languages = null)
    {
        if (YamlTreeReader.Read(file.Text, file.DisplayPath, diagnostics, "Write the event's date, title, summary and body in it, or delete the file.") is not { } root)
        {
            return null;
        }

        if (root is not YamlMapping mapping)
        {
            diagnostics.Error(file.DisplayPath, root.Position, ErrorMessages.ExpectedMapping("an event file", root.Describe()));
            return null;
        }

        var record = EventRecord.Shape.Read(mapping, file.DisplayPath, diagnostics, out var misspelt);
        var check = new RecordValidator(file.DisplayPath, diagnostics, misspelt);
        var id = IdOf(record.Id, file, check);
        var date = record.Date is null ? null : check.Date(record.Date, "date");
        if (record.Date is null)
        {
            check.Missing("date", "1988-07-19", mapping.Position);
        }

        var end = check.Date(record.End, "end");
        if (date is { } start && end is { } finish && finish.LastDay < start.FirstDay)
        {
            check.Error(record.End!.Position, ErrorMessages.EndBeforeDate(finish.ToString(), start.ToString()));
            end = null;
        }

        var sort = check.Date(record.Sort, "sort");
        if (sort is { } key && date is { } from && (end ?? from) is var to && (key.FirstDay < from.FirstDay || key.LastDay > to.LastDay))
        {
            check.Error(record.Sort!.Position, ErrorMessages.SortOutsideDates(key.ToString(), from.ToString(), to.ToString()));
            sort = null;
        }

        var circa = check.Boolean(record.Circa, "circa");
        var title = check.Line(record.Title, "title", "The death commissions are formed", mapping.Position);
        var summary = check.Required(record.Summary, "summary", "One or two plain sentences for lists and previews.", mapping.Position);
        if (summary is not null && RecordValidator.Plain(summary).Length > MaxSummaryLength)
        {
            check.Error(record.Summary!.Position, ErrorMessages.SummaryTooLong(RecordValidator.Plain(summary).Length, MaxSummaryLength));
        }

        var tags = check.References(record.Tags).Select(t => t.Id).Distinct(StringComparer.Ordinal).ToList();
        var related = check.References(record.Related);
        var sources = check.References(record.Sources);
        var people = check.References(record.People);
        var organisations = check.References(record.Organisations);
        var places = check.References(record.Places);
        var lines = file.Text.Split('\n');
        var body = RecordValidator.Markdown(record.Body, lines);
        var dates = ReadDates(record, check);
        var translations = ReadTranslations(record, languages, check, lines, dates);

        if (id is null || date is null || title is null || summary is null)
        {
            return null;
        }

        return new TimelineEvent(
            id,
            new DateSpan(date.Value, end, circa),
            RecordValidator.Plain(title),
            RecordValidator.Plain(summary),
            tags,
            related,
            sources,
            people,
            organisations,
            places,
            body,
            new Origin(file.DisplayPath, record.Id?.Position ?? SourcePosition.WholeFile))
        {
            Translations = translations.Events,
            Sort = sort,
            Dates = dates with { Corrections = dates.Corrections.Select(c => c with { Translations = translations.Corrections.GetValueOrDefault(c) ?? c.Translations }).ToList() },
        };
    }

    /// <summary>The entry's own dates as the record gives them (days), and its corrections, oldest first.</summary>
    private static EntryDates ReadDates(EventRecord record, RecordValidator check)
    {
        var published = Day(record.Published, "published", check);
        var updated = Day(record.Updated, "updated", check);
        if (published is { } first && updated is { } last && last < first)
        {
            check.Error(record.Updated!.Position, ErrorMessages.UpdatedBeforePublished(Iso(last), Iso(first)));
            updated = null;
        }

        var corrections = new List<Correction>();
        foreach (var (item, fields) in Records(record.Corrections, "a correction", check))
        {
            var correction = CorrectionRecord.Shape.Read(fields, check.Path, check.Diagnostics, out _);
            var date = Day(correction.Date, "date", check);
            if (correction.Date is null)
            {
                check.Missing("date", "2024-05-03", item.Position);
            }

            var text = check.Line(correction.Text, "text", "The date of the second meeting was 15, not 16 August.", item.Position);
            if (date is { } day && published is { } since && day < since)
            {
                check.Error(correction.Date!.Position, ErrorMessages.CorrectionBeforePublished(Iso(day), Iso(since)));
            }
            else if (date is { } when && text is not null)
            {
                corrections.Add(new Correction(when, RecordValidator.Plain(text), new Origin(check.Path, item.Position)));
            }
        }

        return new EntryDates(published, updated, corrections.OrderBy(c => c.Date).ToList());
    }

    /// <summary>The mappings of a list of records; an item that is not one is reported.</summary>
    private static IEnumerable<(YamlNode Item, YamlMapping Fields)> Records(YamlSequence? list, string what, RecordValidator check)
    {
        foreach (var item in list?.Items ?? [])
        {
            if (item is YamlMapping fields)
            {
                yield return (item, fields);
            }
            else if (item is not YamlScalar { IsNull: true })
            {
                check.Error(item.Position, ErrorMessages.ExpectedMapping(what, item.Describe()));
            }
        }
    }

    /// <summary>A date of the entry itself, which must be a whole day.</summary>
    private static DateOnly? Day(YamlScalar? value, string field, RecordValidator check)
    {
        if (check.Date(value, field) is not { } date)
        {
            return null;
        }

        if (date.Precision != DatePrecision.Day)
        {
            check.Error(value!.Position, ErrorMessages.EntryDateNotDay(field, value.Value.Trim()));
            return null;
        }

        return date.FirstDay;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The event's other languages: a title and a summary each, and a body when it is translated too.</summary>
    private static (Dictionary<string, EventTranslation> Events, Dictionary<Correction, Dictionary<string, string>> Corrections) ReadTranslations(
        EventRecord record, SiteLanguages? languages, RecordValidator check, IReadOnlyList<string> lines, EntryDates dates)
    {
        var translations = new Dictionary<string, EventTranslation>(StringComparer.Ordinal);
        var corrections = new Dictionary<Correction, Dictionary<string, string>>(ReferenceEqualityComparer.Instance);
        foreach (var entry in TranslationReader.Read(record.Translations, EventTranslationRecord.Shape, languages, check))
        {
            var title = entry.Check.Line(entry.Record.Title, "title", "the title in this language", entry.Position);
            var summary = entry.Check.Required(entry.Record.Summary, "summary", "the summary in this language", entry.Position);
            if (summary is not null && RecordValidator.Plain(summary).Length > MaxSummaryLength)
            {
                entry.Check.Error(entry.Record.Summary!.Position, ErrorMessages.SummaryTooLong(RecordValidator.Plain(summary).Length, MaxSummaryLength));
            }

            if (title is not null && summary is not null)
            {
                translations[entry.Language] = new EventTranslation(
                    entry.Language,
                    RecordValidator.Plain(title),
                    RecordValidator.Plain(summary),
                    RecordValidator.Markdown(entry.Record.Body, lines),
                    new Origin(check.Path, entry.Position));
            }

            ReadCorrectionTranslations(entry.Language, entry.Record.Corrections, dates, corrections, entry.Check);
        }

        return (translations, corrections);
    }

    /// <summary>
    /// A language's texts of the corrections, each matched to the correction of the same date (in order when several
    /// share a day); a text whose date matches none is reported.
    /// </summary>
    private static void ReadCorrectionTranslations(string language, YamlSequence? list, EntryDates dates, Dictionary<Correction, Dictionary<string, string>> found, RecordValidator check)
    {
        var unmatched = dates.Corrections.ToList();
        foreach (var (item, fields) in Records(list, "a translated correction", check))
        {
            var translated = CorrectionRecord.Shape.Read(fields, check.Path, check.Diagnostics, out _);
            var date = Day(translated.Date, "date", check);
            if (translated.Date is null)
            {
                check.Missing("date", "the date of the correction it translates", item.Position);
            }

            var text = check.Line(translated.Text, "text", "the correction in this language", item.Position);
            if (date is not { } day || text is null)
            {
                continue;
            }

            var original = unmatched.FirstOrDefault(c => c.Date == day);
            if (original is null)
            {
                var known = dates.Corrections.Count == 0 ? "none" : string.Join(", ", dates.Corrections.Select(c => Iso(c.Date)));
                check.Error(translated.Date!.Position, ErrorMessages.UnknownCorrectionTranslation(Iso(day), known));
                continue;
            }

            unmatched.Remove(original);
            if (!found.TryGetValue(original, out var texts))
            {
                found[original] = texts = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            texts[language] = RecordValidator.Plain(text);
        }
    }

    /// <summary>The id written in the file, or else the file's name without its extension.</summary>
    private static string? IdOf(YamlScalar? written, InputFile file, RecordValidator check)
    {
        if (written is not null)
        {
            return check.Id(written);
        }

        var fromName = Path.GetFileNameWithoutExtension(file.FullPath);
        var problem = Identifiers.Problem(fromName);
        if (problem is null)
        {
            return fromName;
        }

        check.Error(SourcePosition.WholeFile, ErrorMessages.InvalidId(Identifiers.Visible(fromName), problem + " (it comes from the file name; rename the file or set 'id')"));
        return null;
    }
}

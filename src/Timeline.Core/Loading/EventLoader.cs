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
        var translations = ReadTranslations(record, languages, check, lines);

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
            Translations = translations,
        };
    }

    /// <summary>The event's other languages: a title and a summary each, and a body when it is translated too.</summary>
    private static Dictionary<string, EventTranslation> ReadTranslations(EventRecord record, SiteLanguages? languages, RecordValidator check, IReadOnlyList<string> lines)
    {
        var translations = new Dictionary<string, EventTranslation>(StringComparer.Ordinal);
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
        }

        return translations;
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

using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Model;
using Timeline.Records;

namespace Timeline.Loading;

/// <summary>Reads eras.yml: the named periods the index groups years under.</summary>
internal static class EraLoader
{
    public static IReadOnlyList<Era> Load(InputFile file, DiagnosticBag diagnostics, SiteLanguages? languages = null)
    {
        var eras = new List<Era>();
        foreach (var item in ListLoader.Items(file, diagnostics, "eras.yml", "List the eras in it, or delete the file."))
        {
            var record = EraRecord.Shape.Read(item, file.DisplayPath, diagnostics, out var misspelt);
            var check = new RecordValidator(file.DisplayPath, diagnostics, misspelt);
            var id = record.Id is null ? null : check.Id(record.Id);
            if (record.Id is null)
            {
                check.Missing("id", "the-1988-massacre", item.Position);
            }

            var title = check.Line(record.Title, "title", "The 1988 massacre", item.Position);
            var start = check.Date(record.Start, "start");
            var end = check.Date(record.End, "end");
            if (record.Start is null)
            {
                check.Missing("start", "1988", item.Position);
            }

            if (record.End is null)
            {
                check.Missing("end", "1989", item.Position);
            }

            if (start is { } s && end is { } e && e.LastDay < s.FirstDay)
            {
                check.Error(record.End!.Position, ErrorMessages.EndBeforeDate(e.ToString(), s.ToString(), "start"));
                end = null;
            }

            var translations = new Dictionary<string, EraTranslation>(StringComparer.Ordinal);
            foreach (var entry in TranslationReader.Read(record.Translations, EraTranslationRecord.Shape, languages, check))
            {
                var translatedTitle = entry.Check.Line(entry.Record.Title, "title", "the title in this language", entry.Position);
                if (translatedTitle is not null)
                {
                    var translatedSummary = RecordValidator.Optional(entry.Record.Summary) is { } text ? RecordValidator.Plain(text) : null;
                    translations[entry.Language] = new EraTranslation(entry.Language, RecordValidator.Plain(translatedTitle), translatedSummary, new Origin(file.DisplayPath, entry.Position));
                }
            }

            if (id is not null && title is not null && start is not null && end is not null)
            {
                var summary = RecordValidator.Optional(record.Summary) is { } text ? RecordValidator.Plain(text) : null;
                eras.Add(new Era(id, RecordValidator.Plain(title), start.Value, end.Value, summary, new Origin(file.DisplayPath, item.Position))
                {
                    Translations = translations,
                });
            }
        }

        return eras;
    }
}

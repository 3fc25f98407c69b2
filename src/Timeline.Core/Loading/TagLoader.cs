using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Model;
using Timeline.Records;

namespace Timeline.Loading;

/// <summary>Reads tags.yml: the names readers see for the tags events use, in each language.</summary>
internal static class TagLoader
{
    public static IReadOnlyList<Tag> Load(InputFile file, DiagnosticBag diagnostics, SiteLanguages? languages = null)
    {
        var tags = new List<Tag>();
        foreach (var item in ListLoader.Items(file, diagnostics, "tags.yml", "List the tags in it, or delete the file."))
        {
            var record = TagRecord.Shape.Read(item, file.DisplayPath, diagnostics, out var misspelt);
            var check = new RecordValidator(file.DisplayPath, diagnostics, misspelt);
            var id = record.Id is null ? null : check.Id(record.Id);
            if (record.Id is null)
            {
                check.Missing("id", "death-commissions", item.Position);
            }

            var name = check.Line(record.Name, "name", "Death commissions", item.Position);
            var translations = new Dictionary<string, TagTranslation>(StringComparer.Ordinal);
            foreach (var entry in TranslationReader.Read(record.Translations, TagTranslationRecord.Shape, languages, check))
            {
                if (entry.Check.Line(entry.Record.Name, "name", "the name in this language", entry.Position) is { } translated)
                {
                    translations[entry.Language] = new TagTranslation(entry.Language, RecordValidator.Plain(translated), new Origin(file.DisplayPath, entry.Position));
                }
            }

            if (id is not null && name is not null)
            {
                tags.Add(new Tag(id, RecordValidator.Plain(name), new Origin(file.DisplayPath, item.Position)) { Translations = translations });
            }
        }

        return tags;
    }
}

using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Model;
using Timeline.Records;

namespace Timeline.Loading;

/// <summary>Reads entities.yml: the people, organisations and places that events involve.</summary>
internal static class EntityLoader
{
    public static readonly IReadOnlyList<string> KindNames = ["person", "organisation", "place"];

    public static IReadOnlyList<Entity> Load(InputFile file, DiagnosticBag diagnostics, SiteLanguages? languages = null)
    {
        var entities = new List<Entity>();
        var lines = file.Text.Split('\n');
        foreach (var item in ListLoader.Items(file, diagnostics, "entities.yml", "List people, organisations and places in it, or delete the file."))
        {
            var record = EntityRecord.Shape.Read(item, file.DisplayPath, diagnostics, out var misspelt);
            var check = new RecordValidator(file.DisplayPath, diagnostics, misspelt);
            var id = record.Id is null ? null : check.Id(record.Id);
            if (record.Id is null)
            {
                check.Missing("id", "hossein-ali-montazeri", item.Position);
            }

            var name = check.Line(record.Name, "name", "Hossein-Ali Montazeri", item.Position);
            var kindText = check.Required(record.Kind, "kind", "person", item.Position);
            EntityKind? kind = null;
            if (kindText is not null)
            {
                var index = KindNames.ToList().IndexOf(kindText);
                if (index >= 0)
                {
                    kind = (EntityKind)index;
                }
                else
                {
                    check.Error(record.Kind!.Position, ErrorMessages.UnknownEntityKind(kindText, KindNames));
                }
            }

            var sources = check.References(record.Sources);
            var summary = RecordValidator.Markdown(record.Summary, lines);
            var translations = new Dictionary<string, EntityTranslation>(StringComparer.Ordinal);
            foreach (var entry in TranslationReader.Read(record.Translations, EntityTranslationRecord.Shape, languages, check))
            {
                var translatedName = entry.Check.Line(entry.Record.Name, "name", "the name in this language", entry.Position);
                if (translatedName is not null)
                {
                    translations[entry.Language] = new EntityTranslation(
                        entry.Language,
                        RecordValidator.Plain(translatedName),
                        RecordValidator.Markdown(entry.Record.Summary, lines),
                        new Origin(file.DisplayPath, entry.Position));
                }
            }

            if (id is not null && name is not null && kind is not null)
            {
                entities.Add(new Entity(id, RecordValidator.Plain(name), kind.Value, summary, sources, new Origin(file.DisplayPath, item.Position))
                {
                    Translations = translations,
                });
            }
        }

        return entities;
    }
}

using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Model;
using Timeline.Records;
using Timeline.Yaml;

namespace Timeline.Loading;

/// <summary>Reads sources.yml into validated <see cref="Source"/> records.</summary>
internal static class SourceLoader
{
    private static readonly string[] KindNames = Enum.GetNames<SourceKind>().Select(n => n.ToLowerInvariant()).ToArray();

    /// <param name="languages">The site's languages, which the keys of 'translations' must be; null when site.yml could not be read.</param>
    public static IReadOnlyList<Source> Load(InputFile file, DiagnosticBag diagnostics, SiteLanguages? languages = null)
    {
        var items = ListLoader.Items(file, diagnostics, "sources.yml", "List at least one source in it, each starting with '- id:'.");
        var sources = new List<Source>();
        foreach (var item in items)
        {
            var record = SourceRecord.Shape.Read(item, file.DisplayPath, diagnostics, out var misspelt);
            var check = new RecordValidator(file.DisplayPath, diagnostics, misspelt);
            var id = record.Id is null ? null : check.Id(record.Id);
            if (record.Id is null)
            {
                check.Missing("id", "amnesty-2018-blood-soaked-secrets", item.Position);
            }

            var title = check.Line(record.Title, "title", "Blood-soaked secrets", item.Position);
            var publisher = check.Line(record.Publisher, "publisher", "Amnesty International", item.Position);
            var kindText = check.Required(record.Kind, "kind", "report", item.Position);
            SourceKind? kind = null;
            if (kindText is not null)
            {
                if (Array.IndexOf(KindNames, kindText) is var index and >= 0)
                {
                    kind = (SourceKind)index;
                }
                else
                {
                    check.Error(record.Kind!.Position, ErrorMessages.UnknownSourceKind(kindText, Suggestions.Closest(kindText, KindNames), KindNames));
                }
            }

            var date = check.Date(record.Date, "date");
            var accessed = check.Date(record.Accessed, "accessed");
            var url = check.HttpUrl(record.Url, "url");
            var archiveUrl = check.HttpUrl(record.ArchiveUrl, "archive_url");
            var translations = Translations(record, languages, check, file.DisplayPath);
            if (id is not null && title is not null && publisher is not null && kind is not null)
            {
                sources.Add(new Source(
                    id,
                    RecordValidator.Plain(title),
                    RecordValidator.Plain(publisher),
                    RecordValidator.Optional(record.Author) is { } author ? RecordValidator.Plain(author) : null,
                    date,
                    url,
                    archiveUrl,
                    accessed,
                    kind.Value,
                    RecordValidator.Optional(record.Note) is { } note ? RecordValidator.Plain(note) : null,
                    new Origin(file.DisplayPath, item.Position))
                {
                    Translations = translations,
                });
            }
        }

        return sources;
    }

    /// <summary>
    /// The source's note and own title in the site's other languages. A title is one line, as the original's; an
    /// entry with neither is refused rather than shown as a fallback the author did not mean.
    /// </summary>
    private static Dictionary<string, SourceTranslation> Translations(SourceRecord record, SiteLanguages? languages, RecordValidator check, string path)
    {
        var translations = new Dictionary<string, SourceTranslation>(StringComparer.Ordinal);
        foreach (var entry in TranslationReader.Read(record.Translations, SourceTranslationRecord.Shape, languages, check))
        {
            var title = entry.Record.Title is null ? null : entry.Check.Line(entry.Record.Title, "title", "the source's own title in this language", entry.Position);
            var note = RecordValidator.Optional(entry.Record.Note);
            if (title is null && note is null)
            {
                // An empty title was reported as missing already.
                if (entry.Record.Title is null)
                {
                    entry.Check.Error(entry.Position, ErrorMessages.EmptySourceTranslation(entry.Language));
                }

                continue;
            }

            translations[entry.Language] = new SourceTranslation(
                entry.Language,
                title is null ? null : RecordValidator.Plain(title),
                note is null ? null : RecordValidator.Plain(note),
                new Origin(path, entry.Position));
        }

        return translations;
    }
}

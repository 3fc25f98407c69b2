using Timeline.Yaml;

namespace Timeline.Records;

/// <summary>The shape of one item of sources.yml as written.</summary>
internal sealed class SourceRecord
{
    public static readonly RecordShape<SourceRecord> Shape = new RecordShape<SourceRecord>()
        .Text("id", (r, v) => r.Id = v)
        .Text("title", (r, v) => r.Title = v)
        .Text("publisher", (r, v) => r.Publisher = v)
        .Text("author", (r, v) => r.Author = v)
        .Text("date", (r, v) => r.Date = v)
        .Text("url", (r, v) => r.Url = v)
        .Text("archive_url", (r, v) => r.ArchiveUrl = v)
        .Text("accessed", (r, v) => r.Accessed = v)
        .Text("kind", (r, v) => r.Kind = v)
        .Text("note", (r, v) => r.Note = v)
        .Mapping("translations", (r, v) => r.Translations = v);

    public YamlScalar? Id { get; set; }

    public YamlScalar? Title { get; set; }

    public YamlScalar? Publisher { get; set; }

    public YamlScalar? Author { get; set; }

    public YamlScalar? Date { get; set; }

    public YamlScalar? Url { get; set; }

    public YamlScalar? ArchiveUrl { get; set; }

    public YamlScalar? Accessed { get; set; }

    public YamlScalar? Kind { get; set; }

    public YamlScalar? Note { get; set; }

    public YamlMapping? Translations { get; set; }
}

using Timeline.Yaml;

namespace Timeline.Records;

/// <summary>The shape of one item of eras.yml as written.</summary>
internal sealed class EraRecord
{
    public static readonly RecordShape<EraRecord> Shape = new RecordShape<EraRecord>()
        .Text("id", (r, v) => r.Id = v)
        .Text("title", (r, v) => r.Title = v)
        .Text("start", (r, v) => r.Start = v)
        .Text("end", (r, v) => r.End = v)
        .Text("summary", (r, v) => r.Summary = v)
        .Mapping("translations", (r, v) => r.Translations = v);

    public YamlScalar? Id { get; set; }

    public YamlScalar? Title { get; set; }

    public YamlScalar? Start { get; set; }

    public YamlScalar? End { get; set; }

    public YamlScalar? Summary { get; set; }

    public YamlMapping? Translations { get; set; }
}

using Timeline.Yaml;

namespace Timeline.Records;

/// <summary>The shape of one item of tags.yml as written.</summary>
internal sealed class TagRecord
{
    public static readonly RecordShape<TagRecord> Shape = new RecordShape<TagRecord>()
        .Text("id", (r, v) => r.Id = v)
        .Text("name", (r, v) => r.Name = v)
        .Mapping("translations", (r, v) => r.Translations = v);

    public YamlScalar? Id { get; set; }

    public YamlScalar? Name { get; set; }

    public YamlMapping? Translations { get; set; }
}

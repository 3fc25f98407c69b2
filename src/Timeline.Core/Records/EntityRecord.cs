using Timeline.Yaml;

namespace Timeline.Records;

/// <summary>The shape of one item of entities.yml as written.</summary>
internal sealed class EntityRecord
{
    public static readonly RecordShape<EntityRecord> Shape = new RecordShape<EntityRecord>()
        .Text("id", (r, v) => r.Id = v)
        .Text("name", (r, v) => r.Name = v)
        .Text("kind", (r, v) => r.Kind = v)
        .Text("summary", (r, v) => r.Summary = v)
        .List("sources", (r, v) => r.Sources = v)
        .Mapping("translations", (r, v) => r.Translations = v);

    public YamlScalar? Id { get; set; }

    public YamlScalar? Name { get; set; }

    public YamlScalar? Kind { get; set; }

    public YamlScalar? Summary { get; set; }

    public ScalarList? Sources { get; set; }

    public YamlMapping? Translations { get; set; }
}

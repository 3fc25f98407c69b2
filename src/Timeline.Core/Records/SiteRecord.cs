using Timeline.Yaml;

namespace Timeline.Records;

/// <summary>The shape of site.yml as written. Everything is optional here; the loader validates.</summary>
internal sealed class SiteRecord
{
    public static readonly RecordShape<SiteRecord> Shape = new RecordShape<SiteRecord>()
        .Text("title", (r, v) => r.Title = v)
        .Text("description", (r, v) => r.Description = v)
        .Text("base_url", (r, v) => r.BaseUrl = v)
        .Text("language", (r, v) => r.Language = v)
        .List("languages", (r, v) => r.Languages = v)
        .Mapping("translations", (r, v) => r.Translations = v);

    public YamlScalar? Title { get; set; }

    public YamlScalar? Description { get; set; }

    public YamlScalar? BaseUrl { get; set; }

    public YamlScalar? Language { get; set; }

    public ScalarList? Languages { get; set; }

    public YamlMapping? Translations { get; set; }
}

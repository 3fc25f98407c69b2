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
        .Mapping("publisher", (r, v) => r.Publisher = v)
        .Text("contact", (r, v) => r.Contact = v)
        .Mapping("corrections", (r, v) => r.Corrections = v)
        .Text("license", (r, v) => r.License = v)
        .Mapping("translations", (r, v) => r.Translations = v);

    public YamlScalar? Title { get; set; }

    public YamlScalar? Description { get; set; }

    public YamlScalar? BaseUrl { get; set; }

    public YamlScalar? Language { get; set; }

    public ScalarList? Languages { get; set; }

    public YamlMapping? Publisher { get; set; }

    public YamlScalar? Contact { get; set; }

    public YamlMapping? Corrections { get; set; }

    public YamlScalar? License { get; set; }

    public YamlMapping? Translations { get; set; }
}

/// <summary>site.yml's 'publisher' as written: who publishes the site.</summary>
internal sealed class PublisherRecord
{
    public static readonly RecordShape<PublisherRecord> Shape = new RecordShape<PublisherRecord>()
        .Text("name", (r, v) => r.Name = v)
        .Text("url", (r, v) => r.Url = v);

    public YamlScalar? Name { get; set; }

    public YamlScalar? Url { get; set; }
}

/// <summary>site.yml's 'corrections' as written: where to report an error, and the policy.</summary>
internal sealed class CorrectionsRecord
{
    public static readonly RecordShape<CorrectionsRecord> Shape = new RecordShape<CorrectionsRecord>()
        .Text("contact", (r, v) => r.Contact = v)
        .Text("policy", (r, v) => r.Policy = v);

    public YamlScalar? Contact { get; set; }

    public YamlScalar? Policy { get; set; }
}

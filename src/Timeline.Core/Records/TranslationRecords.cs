using Timeline.Yaml;

namespace Timeline.Records;

/// <summary>One language's entry under an event's 'translations' as written.</summary>
internal sealed class EventTranslationRecord
{
    public static readonly RecordShape<EventTranslationRecord> Shape = new RecordShape<EventTranslationRecord>()
        .Text("title", (r, v) => r.Title = v)
        .Text("summary", (r, v) => r.Summary = v)
        .Text("body", (r, v) => r.Body = v)
        .Sequence("corrections", (r, v) => r.Corrections = v);

    public YamlScalar? Title { get; set; }

    public YamlScalar? Summary { get; set; }

    public YamlScalar? Body { get; set; }

    /// <summary>The corrections' texts in this language, each with the date of the correction it translates.</summary>
    public YamlSequence? Corrections { get; set; }
}

/// <summary>One language's entry under an era's 'translations' as written.</summary>
internal sealed class EraTranslationRecord
{
    public static readonly RecordShape<EraTranslationRecord> Shape = new RecordShape<EraTranslationRecord>()
        .Text("title", (r, v) => r.Title = v)
        .Text("summary", (r, v) => r.Summary = v);

    public YamlScalar? Title { get; set; }

    public YamlScalar? Summary { get; set; }
}

/// <summary>One language's entry under an entity's 'translations' as written.</summary>
internal sealed class EntityTranslationRecord
{
    public static readonly RecordShape<EntityTranslationRecord> Shape = new RecordShape<EntityTranslationRecord>()
        .Text("name", (r, v) => r.Name = v)
        .Text("summary", (r, v) => r.Summary = v);

    public YamlScalar? Name { get; set; }

    public YamlScalar? Summary { get; set; }
}

/// <summary>One language's entry under a tag's 'translations' as written.</summary>
internal sealed class TagTranslationRecord
{
    public static readonly RecordShape<TagTranslationRecord> Shape = new RecordShape<TagTranslationRecord>()
        .Text("name", (r, v) => r.Name = v);

    public YamlScalar? Name { get; set; }
}

/// <summary>One language's entry under a source's 'translations' as written.</summary>
internal sealed class SourceTranslationRecord
{
    public static readonly RecordShape<SourceTranslationRecord> Shape = new RecordShape<SourceTranslationRecord>()
        .Text("note", (r, v) => r.Note = v)
        .Text("title", (r, v) => r.Title = v);

    public YamlScalar? Note { get; set; }

    public YamlScalar? Title { get; set; }
}

/// <summary>One language's entry under site.yml's 'translations' as written.</summary>
internal sealed class SiteTranslationRecord
{
    public static readonly RecordShape<SiteTranslationRecord> Shape = new RecordShape<SiteTranslationRecord>()
        .Text("title", (r, v) => r.Title = v)
        .Text("description", (r, v) => r.Description = v)
        .Mapping("publisher", (r, v) => r.Publisher = v)
        .Mapping("corrections", (r, v) => r.Corrections = v);

    public YamlScalar? Title { get; set; }

    public YamlScalar? Description { get; set; }

    /// <summary>Only the name is translated: { name: ... }.</summary>
    public YamlMapping? Publisher { get; set; }

    /// <summary>Only the policy is translated: { policy: ... }.</summary>
    public YamlMapping? Corrections { get; set; }
}

/// <summary>The publisher's name in a translation of site.yml.</summary>
internal sealed class PublisherTranslationRecord
{
    public static readonly RecordShape<PublisherTranslationRecord> Shape = new RecordShape<PublisherTranslationRecord>()
        .Text("name", (r, v) => r.Name = v);

    public YamlScalar? Name { get; set; }
}

/// <summary>The corrections policy in a translation of site.yml.</summary>
internal sealed class CorrectionsTranslationRecord
{
    public static readonly RecordShape<CorrectionsTranslationRecord> Shape = new RecordShape<CorrectionsTranslationRecord>()
        .Text("policy", (r, v) => r.Policy = v);

    public YamlScalar? Policy { get; set; }
}

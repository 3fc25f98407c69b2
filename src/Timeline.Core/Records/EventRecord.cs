using Timeline.Yaml;

namespace Timeline.Records;

/// <summary>The shape of one event file as written.</summary>
internal sealed class EventRecord
{
    public static readonly RecordShape<EventRecord> Shape = new RecordShape<EventRecord>()
        .Text("id", (r, v) => r.Id = v)
        .Text("date", (r, v) => r.Date = v)
        .Text("circa", (r, v) => r.Circa = v)
        .Text("end", (r, v) => r.End = v)
        .Text("sort", (r, v) => r.Sort = v)
        .Text("title", (r, v) => r.Title = v)
        .Text("summary", (r, v) => r.Summary = v)
        .List("tags", (r, v) => r.Tags = v)
        .List("related", (r, v) => r.Related = v)
        .List("sources", (r, v) => r.Sources = v)
        .List("people", (r, v) => r.People = v)
        .List("organisations", (r, v) => r.Organisations = v)
        .List("places", (r, v) => r.Places = v)
        .Text("body", (r, v) => r.Body = v)
        .Text("published", (r, v) => r.Published = v)
        .Text("updated", (r, v) => r.Updated = v)
        .Sequence("corrections", (r, v) => r.Corrections = v)
        .Mapping("translations", (r, v) => r.Translations = v);

    public YamlScalar? Id { get; set; }

    public YamlScalar? Date { get; set; }

    public YamlScalar? Circa { get; set; }

    public YamlScalar? End { get; set; }

    public YamlScalar? Sort { get; set; }

    public YamlScalar? Title { get; set; }

    public YamlScalar? Summary { get; set; }

    public ScalarList? Tags { get; set; }

    public ScalarList? Related { get; set; }

    public ScalarList? Sources { get; set; }

    public ScalarList? People { get; set; }

    public ScalarList? Organisations { get; set; }

    public ScalarList? Places { get; set; }

    public YamlScalar? Body { get; set; }

    public YamlScalar? Published { get; set; }

    public YamlScalar? Updated { get; set; }

    public YamlSequence? Corrections { get; set; }

    public YamlMapping? Translations { get; set; }
}

/// <summary>One correction of an entry as written: its date and what was corrected.</summary>
internal sealed class CorrectionRecord
{
    public static readonly RecordShape<CorrectionRecord> Shape = new RecordShape<CorrectionRecord>()
        .Text("date", (r, v) => r.Date = v)
        .Text("text", (r, v) => r.Text = v);

    public YamlScalar? Date { get; set; }

    public YamlScalar? Text { get; set; }
}

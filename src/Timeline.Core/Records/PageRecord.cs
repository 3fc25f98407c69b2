using Timeline.Yaml;

namespace Timeline.Records;

/// <summary>The shape of a page's front matter as written.</summary>
internal sealed class PageRecord
{
    public static readonly RecordShape<PageRecord> Shape = new RecordShape<PageRecord>()
        .Text("title", (r, v) => r.Title = v)
        .Text("summary", (r, v) => r.Summary = v);

    public YamlScalar? Title { get; set; }

    public YamlScalar? Summary { get; set; }
}

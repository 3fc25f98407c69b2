using Timeline.Yaml;

namespace Timeline.Records;

/// <summary>The shape of a theme's share-image.yml as written. Everything is optional here; the loader validates.</summary>
internal sealed class ShareImageDesignRecord
{
    public static readonly RecordShape<ShareImageDesignRecord> Shape = new RecordShape<ShareImageDesignRecord>()
        .Text("background", (r, v) => r.Background = v)
        .Text("text", (r, v) => r.Text = v)
        .Text("muted", (r, v) => r.Muted = v)
        .Text("rule", (r, v) => r.Rule = v)
        .Text("title_font", (r, v) => r.TitleFont = v)
        .Text("text_font", (r, v) => r.TextFont = v)
        .Text("persian_font", (r, v) => r.PersianFont = v)
        .Text("title_size", (r, v) => r.TitleSize = v)
        .Text("min_title_size", (r, v) => r.MinTitleSize = v)
        .Text("date_size", (r, v) => r.DateSize = v)
        .Text("site_size", (r, v) => r.SiteSize = v);

    public YamlScalar? Background { get; set; }

    public YamlScalar? Text { get; set; }

    public YamlScalar? Muted { get; set; }

    public YamlScalar? Rule { get; set; }

    public YamlScalar? TitleFont { get; set; }

    public YamlScalar? TextFont { get; set; }

    public YamlScalar? PersianFont { get; set; }

    public YamlScalar? TitleSize { get; set; }

    public YamlScalar? MinTitleSize { get; set; }

    public YamlScalar? DateSize { get; set; }

    public YamlScalar? SiteSize { get; set; }
}

namespace Timeline.Model;

/// <summary>A plain page such as about or methodology.</summary>
public sealed record Page(string Id, string Title, string? Summary, MarkdownText Body, Origin Origin)
{
    /// <summary>The page in the site's other languages, by language tag, each read from its own file.</summary>
    public IReadOnlyDictionary<string, PageTranslation> Translations { get; init; } = Model.Translations.None<PageTranslation>();
}

namespace Timeline.Model;

/// <summary>
/// An event in another language than the site's default. Body is empty when only the title and summary
/// are translated; the page then shows the default language's body.
/// </summary>
public sealed record EventTranslation(string Language, string Title, string Summary, MarkdownText Body, Origin Origin);

/// <summary>An era's title and summary in another language; Summary is null when only the title is translated.</summary>
public sealed record EraTranslation(string Language, string Title, string? Summary, Origin Origin);

/// <summary>An entity's name and summary (Markdown, may cite) in another language; Summary may be empty.</summary>
public sealed record EntityTranslation(string Language, string Name, MarkdownText Summary, Origin Origin);

/// <summary>
/// A source's own words in another language: its note, and its title only where the source has one of its own in that
/// language (a Persian article's Persian title). Either may be null; the publisher is never translated.
/// </summary>
public sealed record SourceTranslation(string Language, string? Title, string? Note, Origin Origin);

/// <summary>A page in another language, read from its own file beside the page (about.fa.md beside about.md).</summary>
public sealed record PageTranslation(string Language, string Title, string? Summary, MarkdownText Body, Origin Origin);

/// <summary>The site's title and description in another language; Description is null when not translated.</summary>
public sealed record SiteTranslation(string Language, string Title, string? Description)
{
    /// <summary>The publisher's name in this language (an organisation's own name in it), or null.</summary>
    public string? PublisherName { get; init; }

    /// <summary>The corrections policy in this language, or null.</summary>
    public string? CorrectionsPolicy { get; init; }
}

/// <summary>Translations of one record, by language tag; empty when the record has none.</summary>
internal static class Translations
{
    public static IReadOnlyDictionary<string, T> None<T>() => EmptyOf<T>.Value;

    private static class EmptyOf<T>
    {
        public static readonly IReadOnlyDictionary<string, T> Value = new Dictionary<string, T>(StringComparer.Ordinal);
    }
}

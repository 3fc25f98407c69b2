using Timeline.Dates;

namespace Timeline.Model;

public enum SourceKind
{
    Article,
    Report,
    Letter,
    Statement,
    Audio,
    Video,
    Post,
    Resolution,
    Ruling,
    Book,
    Other,
}

/// <summary>A validated source that events cite.</summary>
public sealed record Source(
    string Id,
    string Title,
    string Publisher,
    string? Author,
    PartialDate? Date,
    string? Url,
    string? ArchiveUrl,
    PartialDate? Accessed,
    SourceKind Kind,
    string? Note,
    Origin Origin)
{
    /// <summary>The source's note and own title in the site's other languages, by language tag.</summary>
    public IReadOnlyDictionary<string, SourceTranslation> Translations { get; init; } = Model.Translations.None<SourceTranslation>();
}

using Timeline.Dates;

namespace Timeline.Model;

/// <summary>A named period of the story, used to group years on the index.</summary>
public sealed record Era(string Id, string Title, PartialDate Start, PartialDate End, string? Summary, Origin Origin)
{
    /// <summary>The era in the site's other languages, by language tag.</summary>
    public IReadOnlyDictionary<string, EraTranslation> Translations { get; init; } = Model.Translations.None<EraTranslation>();
}

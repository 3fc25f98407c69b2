namespace Timeline.Model;

/// <summary>A tag's name for readers, from tags.yml: the id is what events write under 'tags' and what its address uses.</summary>
public sealed record Tag(string Id, string Name, Origin Origin)
{
    /// <summary>The tag's name in the site's other languages, by language tag.</summary>
    public IReadOnlyDictionary<string, TagTranslation> Translations { get; init; } = Model.Translations.None<TagTranslation>();
}

/// <summary>A tag's name in another language.</summary>
public sealed record TagTranslation(string Language, string Name, Origin Origin);

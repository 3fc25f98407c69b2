namespace Timeline.Model;

public enum EntityKind
{
    Person,
    Organisation,
    Place,
}

/// <summary>A person, an organisation or a place that events involve.</summary>
public sealed record Entity(string Id, string Name, EntityKind Kind, MarkdownText Summary, IReadOnlyList<Reference> Sources, Origin Origin)
{
    /// <summary>The entity in the site's other languages, by language tag.</summary>
    public IReadOnlyDictionary<string, EntityTranslation> Translations { get; init; } = Model.Translations.None<EntityTranslation>();
}

namespace Timeline.Model;

public enum EntityKind
{
    Person,
    Organisation,
    Place,
}

/// <summary>A person, an organisation or a place that events involve.</summary>
public sealed record Entity(string Id, string Name, EntityKind Kind, MarkdownText Summary, IReadOnlyList<Reference> Sources, Origin Origin);

namespace Timeline.Model;

/// <summary>Every validated record of a site, before references are resolved and Markdown is rendered.</summary>
internal sealed record TimelineContent(
    SiteSettings Site,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<TimelineEvent> Events,
    IReadOnlyList<Entity> Entities,
    IReadOnlyList<Era> Eras,
    IReadOnlyList<Page> Pages)
{
    /// <summary>The tags' names (tags.yml); a tag without one is named by its id.</summary>
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}

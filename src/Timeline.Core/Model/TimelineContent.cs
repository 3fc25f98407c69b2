namespace Timeline.Model;

/// <summary>Every validated record of a site, before references are resolved and Markdown is rendered.</summary>
internal sealed record TimelineContent(
    SiteSettings Site,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<TimelineEvent> Events,
    IReadOnlyList<Entity> Entities,
    IReadOnlyList<Era> Eras,
    IReadOnlyList<Page> Pages);

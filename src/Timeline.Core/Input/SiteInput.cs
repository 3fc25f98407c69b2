namespace Timeline.Input;

/// <summary>Everything the Input phase read: the files of one site, in a stable order.</summary>
public sealed record SiteInput(
    InputFile? Site,
    InputFile? Sources,
    InputFile? Entities,
    InputFile? Eras,
    IReadOnlyList<InputFile> Events,
    IReadOnlyList<InputFile> Pages)
{
    /// <summary>tags.yml, the tags' names, when there is one.</summary>
    public InputFile? Tags { get; init; }

    /// <summary>The event files found and left unread, when the reader was asked to (Events then holds none).</summary>
    public IReadOnlyList<FoundFile> UnreadEvents { get; init; } = [];
}

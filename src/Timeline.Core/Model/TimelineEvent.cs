using Timeline.Dates;

namespace Timeline.Model;

/// <summary>A validated event record: its references are still ids, checked once every record is known.</summary>
public sealed record TimelineEvent(
    string Id,
    DateSpan When,
    string Title,
    string Summary,
    IReadOnlyList<string> Tags,
    IReadOnlyList<Reference> Related,
    IReadOnlyList<Reference> Sources,
    IReadOnlyList<Reference> People,
    IReadOnlyList<Reference> Organisations,
    IReadOnlyList<Reference> Places,
    MarkdownText Body,
    Origin Origin) : IDigested
{
    private DigestNote _digest = DigestNote.None;

    DigestNote IDigested.Digest { get => _digest; set => _digest = value; }

    /// <summary>
    /// The event without its Markdown (its body and its translations' bodies), with its digest, which the pages made
    /// from it still stand for: for a build, which renders each text once. At 100,000 events the texts as written held
    /// about 330 MB of the build's peak.
    /// </summary>
    internal TimelineEvent WithoutMarkdown()
    {
        var translations = Translations.Count == 0
            ? Translations
            : Translations.ToDictionary(t => t.Key, t => t.Value with { Body = MarkdownText.Empty }, StringComparer.Ordinal);
        return Digests.Carry(this, this with { Body = MarkdownText.Empty, Translations = translations });
    }

    /// <summary>The event in the site's other languages, by language tag.</summary>
    public IReadOnlyDictionary<string, EventTranslation> Translations { get; init; } = Model.Translations.None<EventTranslation>();

    /// <summary>When the entry was published and last changed, and its corrections.</summary>
    public EntryDates Dates { get; init; } = EntryDates.None;

    /// <summary>Where the record places itself within its own dates ('sort'); it orders the event, never shows.</summary>
    public PartialDate? Sort { get; init; }

    /// <summary>What the event is ordered by: its 'sort' date when it gives one, else its dates.</summary>
    public DateSpan Order => Sort is { } sort ? DateSpan.Single(sort) : When;
}

/// <summary>
/// Markdown with the file line its text starts on and the columns before it, for messages about what it contains.
/// LinesExact is false when YAML folded the text's lines together: past its first line, places are then approximate.
/// </summary>
public sealed record MarkdownText(string Text, int FirstLine, int Indent, bool LinesExact)
{
    public static readonly MarkdownText Empty = new("", 1, 0, true);
}

namespace Timeline.Model;

/// <summary>
/// When an entry itself was first published and last changed (not when its event happened), and the corrections it
/// records. Published and Updated come from the record or, failing that, from the git history of its file; either
/// may be unknown. A correction's date counts as an update.
/// </summary>
public sealed record EntryDates(DateOnly? Published, DateOnly? Updated, IReadOnlyList<Correction> Corrections)
{
    public static readonly EntryDates None = new(null, null, []);

    /// <summary>The last day the entry changed: its update or its latest correction, whichever is later; null when never.</summary>
    public DateOnly? LastUpdated
    {
        get
        {
            var last = Updated;
            foreach (var correction in Corrections)
            {
                if (last is null || correction.Date > last)
                {
                    last = correction.Date;
                }
            }

            return last is { } day && Published is { } first && day <= first ? null : last;
        }
    }

    /// <summary>The date a citation gives: the version read is the last one (updated or corrected), else the first.</summary>
    public DateOnly? Issued => LastUpdated ?? Published;

    /// <summary>The dates known from git where the record gives none: a record's own date always wins.</summary>
    public EntryDates WithHistory(DateOnly? firstCommit, DateOnly? lastCommit)
    {
        var published = Published ?? firstCommit;
        var updated = Updated ?? (lastCommit is { } last && (published is null || last > published) ? last : null);
        return this with { Published = published, Updated = updated };
    }
}

/// <summary>A correction an entry records: the day it was made and what was corrected (Markdown inline, one line), by language.</summary>
public sealed record Correction(DateOnly Date, string Text, Origin Origin)
{
    /// <summary>The text in the site's other languages, by language tag.</summary>
    public IReadOnlyDictionary<string, string> Translations { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

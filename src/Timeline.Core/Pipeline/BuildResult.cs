using Timeline.Diagnostics;
using Timeline.Model;

namespace Timeline.Pipeline;

/// <summary>What a build or a check found and made.</summary>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, ResolvedSite? Site, int FilesWritten, TimeSpan Elapsed)
{
    /// <summary>How long each step took, in order.</summary>
    public IReadOnlyList<PhaseTiming> Timings { get; init; } = [];

    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);

    public bool Succeeded => ErrorCount == 0;

    /// <summary>Event files taken parsed from the cache, their text being the same as when they were parsed (ParsedEventCache).</summary>
    public int ParsesReused { get; init; }

    /// <summary>Of those, the event files not read at all: their stamps (size, times, inode) were the ones recorded with their parses.</summary>
    public int EventFilesUnread { get; init; }

    /// <summary>How many Markdown texts were taken rendered from the cache folder.</summary>
    public int DocumentsReused { get; init; }

    /// <summary>Share images drawn by this build.</summary>
    public int ShareImagesDrawn { get; init; }

    /// <summary>Share images taken unchanged from the cache, because nothing they show had changed.</summary>
    public int ShareImagesReused { get; init; }

    /// <summary>Pages taken from the output of the last build, their views, theme and code being the same (PageCache).</summary>
    public int PagesReused { get; init; }

    /// <summary>Parts of feeds and data files (an event's entry, a source's item) copied from the last build's files (FileParts).</summary>
    public int PartsReused { get; init; }

    /// <summary>Shards of the search index made by Pagefind in this build.</summary>
    public int SearchShardsIndexed { get; init; }

    /// <summary>Shards of the search index taken from the cache, their pages being the same as when they were made.</summary>
    public int SearchShardsReused { get; init; }
}

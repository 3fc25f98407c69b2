namespace Timeline.Pipeline;

/// <summary>
/// A site kept in memory between builds, for `timeline serve`: a <see cref="SitePipeline"/> whose sink keeps the site
/// in memory. A file is read and parsed again only when it changed; only the records a change can reach are resolved
/// again, and pages are rendered only when asked for (see <see cref="SiteSnapshot"/>). Nothing is written to disk.
/// Not thread-safe: one caller rebuilds.
/// </summary>
public sealed class SiteSession
{
    private readonly MemorySink _sink = new();
    private readonly SitePipeline _pipeline;

    public SiteSession(BuildOptions options) => _pipeline = new SitePipeline(options, _sink, incremental: true);

    /// <summary>The last site built without errors, or null when none has been.</summary>
    public SiteSnapshot? Current => _sink.Current;

    /// <summary>The full paths of the folders a change in which calls for a rebuild.</summary>
    public IReadOnlyList<string> WatchedFolders => _pipeline.WatchedFolders;

    /// <summary>
    /// Brings the site up to date with the given changed paths (files or folders, created, changed or deleted),
    /// or with everything when <paramref name="changed"/> is null. On success <see cref="Current"/> is the new site;
    /// on errors it stays the last good one.
    /// </summary>
    public BuildResult Rebuild(IReadOnlyCollection<string>? changed = null) => _pipeline.Rebuild(changed);
}

namespace Timeline.Pipeline;

/// <summary>
/// `timeline build` and `timeline check`: one full rebuild of a <see cref="SitePipeline"/> whose sink writes the
/// output folder atomically, or only renders and checks. Any error stops the build before anything is written.
/// </summary>
public static class TimelineBuilder
{
    public static BuildResult Build(BuildOptions options) => Run(options, write: true);

    /// <summary>Everything a build does except writing: for `timeline check`.</summary>
    public static BuildResult Check(BuildOptions options) => Run(options, write: false);

    private static BuildResult Run(BuildOptions options, bool write) =>
        new SitePipeline(options, new DiskSink(options, write), incremental: false, cacheParses: write).Rebuild();
}

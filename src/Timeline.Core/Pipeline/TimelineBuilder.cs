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

    /// <summary>
    /// Starts making the template parser on a thread of its own, for a command that will load a theme: Fluid's parser
    /// is built from a few hundred combinators the runtime compiles as it runs (about 45 ms), work that can go on while
    /// the command line is read and the input is listed, instead of after.
    /// </summary>
    public static void PrepareTemplates() =>
        new Thread(static () => Theme.ThemeTemplates.Prepare()) { IsBackground = true, Name = "template parser" }.Start();

    private static BuildResult Run(BuildOptions options, bool write) =>
        new SitePipeline(options, new DiskSink(options, write), incremental: false, cacheParses: write).Rebuild();
}

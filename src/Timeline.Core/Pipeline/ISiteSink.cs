using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Model;

namespace Timeline.Pipeline;

/// <summary>
/// Where a rebuild's site goes, as Zola's one site is either written or served: the last two phases, PostProcess
/// (pages through the theme) and Output. <see cref="DiskSink"/> writes the output folder (`build`) or only checks
/// (`check`); <see cref="MemorySink"/> keeps the site in memory and renders a page when it is asked for (`serve`).
/// </summary>
internal interface ISiteSink
{
    /// <summary>Before anything is read: false, with the reason reported, stops the rebuild having touched nothing.</summary>
    bool Open(PathDisplay display, DiagnosticBag diagnostics);

    /// <summary>Makes the pages of a site that has no errors and puts them where this sink keeps sites.</summary>
    Published Publish(ResolvedSite site, SiteTheme theme, DiagnosticBag diagnostics, PhaseTimings timings);
}

/// <summary>What a sink made: the files it wrote and the share images it drew or took from the cache.</summary>
internal sealed record Published(int FilesWritten, int ShareImagesDrawn = 0, int ShareImagesReused = 0, int PagesReused = 0, int SearchShardsIndexed = 0, int SearchShardsReused = 0, int PartsReused = 0);

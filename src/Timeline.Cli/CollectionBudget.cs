using System.Globalization;
using System.Runtime;
using Timeline.Pipeline;

namespace Timeline.Cli;

/// <summary>
/// Holds off garbage collection for the whole of a build that is known to allocate little: the process ends right
/// after it, so a collection would only copy what is still in use. After one edit at 1,000 events a build allocated
/// 96 MB and the collector stopped it four or five times, 17-77 ms of a 240-280 ms build (docs/benchmarks.md). What a
/// build allocated is kept in the cache folder for the next one; a build with no such record (the first, or after the
/// cache was deleted), or whose last build allocated more, collects as usual. A build that allocates more than it was
/// given leaves the region with one full collection, so the budget is for builds like the last one, not for every
/// build.
/// </summary>
internal static class CollectionBudget
{
    /// <summary>The file in the cache folder that holds what the last successful build allocated, in bytes.</summary>
    private const string FileName = "allocated";

    /// <summary>
    /// The most a build is given without collections. A larger site's builds gain less (their collections are a smaller
    /// part of them) and lose more when they outgrow the budget: at 10,000 events a region of 128 MB, outgrown, made a
    /// title edit 6% slower. It is also the most the program's memory can grow by, beyond what a build keeps.
    /// </summary>
    public const long Most = 160L * 1024 * 1024;

    /// <summary>What the last build may have allocated for the next one to be given a region: a quarter to spare.</summary>
    private const long LastAtMost = Most * 4 / 5;

    /// <summary>
    /// Starts a region without collections for a build into <paramref name="options"/>'s output when the last build
    /// of the same input allocated at most <see cref="LastAtMost"/>. Returns what it was given, or null.
    /// </summary>
    public static long? Begin(BuildOptions options)
    {
        if (Last(options) is not { } last || last > LastAtMost)
        {
            return null;
        }

        try
        {
            return GCSettings.LatencyMode != GCLatencyMode.NoGCRegion && GC.TryStartNoGCRegion(Most) ? Most : null;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // More than this runtime can give at once: the build collects as usual.
            return null;
        }
    }

    /// <summary>Keeps what this process has allocated, for the next build; after a successful build only, as a failed one stops early.</summary>
    public static void Record(BuildOptions options) =>
        CacheNote.Write(options, FileName, GC.GetTotalAllocatedBytes().ToString(CultureInfo.InvariantCulture));

    private static long? Last(BuildOptions options) =>
        long.TryParse(CacheNote.Read(options, FileName), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? bytes : null;
}

using System.Collections.Concurrent;
using Timeline.Languages;
using Timeline.Model;
using Timeline.Output;

namespace Timeline.ShareImages;

/// <summary>How many share images a build drew and how many it took from the cache or the last build's output.</summary>
internal sealed record ShareImageCounts(int Drawn, int Reused);

/// <summary>Where a build's share images go, each with its key (see <see cref="ShareImageCache.Key"/>).</summary>
internal interface IShareImageOutput
{
    /// <summary>
    /// True when the image at <paramref name="path"/> is taken from the last build's output as it is: that build wrote
    /// it with the same key, and the file is unchanged since. It is then neither read nor drawn.
    /// </summary>
    bool Keeps(string path, string key);

    /// <summary>
    /// Offers the cache's file of an image (there may be none): <see cref="CachedImage.Linked"/> when that file is now
    /// the image at <paramref name="path"/>, under a second name, unread; <see cref="CachedImage.Changed"/> when it is
    /// the file the last build linked there and has been changed there since, so its bytes are not used;
    /// <see cref="CachedImage.NotLinked"/> otherwise (no such file, or the output on another file system).
    /// </summary>
    CachedImage Link(string path, string key, string cachedFile);

    /// <summary>An image's bytes, read from the cache or drawn.</summary>
    void Add(string path, ReadOnlySpan<byte> png, string key);
}

/// <summary>What the output made of a cached image's file (see <see cref="IShareImageOutput.Link"/>).</summary>
internal enum CachedImage
{
    NotLinked,
    Linked,
    Changed,
}

/// <summary>
/// Makes the share image of every event (events/&lt;id&gt;/share.png) and of the site (share.png), in each language's
/// tree, in parallel,
/// drawing only those the cache does not already hold, then drops the cached images no longer used. An image the last
/// build's output holds with the same key is taken from there without being read (ten thousand of them are 550 MB);
/// one the cache holds is linked in from the cache when the output is on the same file system (an author's usual
/// set-up: .timeline-cache beside the input, the output too), and otherwise read; any other is handed to the output
/// as soon as it is ready and not kept. A cached image is never written into (a new one replaces it by a rename) and
/// nor is a file of the output (replaced, never overwritten), so a link shares bytes that do not change.
/// </summary>
internal static class ShareImageBuilder
{
    private sealed record Job(string Path, string Key, Func<ShareImageRenderer, byte[]> Draw);

    // Each thread reads the cached images it hands out into one buffer.
    [ThreadStatic]
    private static byte[]? t_buffer;

    /// <summary>
    /// The images of one language's tree (share.png and events/&lt;id&gt;/share.png, under fa/ for Persian), with that
    /// language's titles and dates, its calendar first. A card in a right-to-left language is drawn right to left.
    /// </summary>
    private static IEnumerable<Job> Jobs(ResolvedSite site, string language, ThemeStrings strings, ShareImageCache cache)
    {
        var (localized, _) = LocalizedSite.For(site, language);
        var settings = localized.Site;
        // Paths in the whole site: the default tree is its root, another language's tree is its folder (fa/).
        var root = new SiteUrls(site.Site.BasePath);
        var tree = language == site.Site.Language ? root : root.ForLanguage(language);
        var dates = new LanguageDates(LanguageProfile.For(language), strings.For(language));
        var profile = dates.Profile;
        var host = settings.BaseUrl.Host;
        yield return new(root.FileOf(tree.SiteShareImage), cache.Key("site", language, settings.Title, settings.Description, host), r => r.DrawSite(settings.Title, settings.Description, host, profile.IsRightToLeft));
        foreach (var e in localized.Events)
        {
            var title = e.Event.Title;
            var summary = e.Event.Summary;
            var (first, second) = dates.Texts(e.Event.When);
            yield return new(root.FileOf(tree.EventShareImage(e.Id)), cache.Key("event", language, settings.Title, title, first, second, summary), r => r.DrawEvent(settings.Title, title, first, second, profile, summary));
        }
    }

    public static ShareImageCounts Build(ResolvedSite site, ShareImageDesign design, ThemeStrings strings, string cacheFolder, IShareImageOutput output)
    {
        var cache = new ShareImageCache(cacheFolder, design);
        var jobs = new List<Job>();
        foreach (var language in site.Site.Languages)
        {
            jobs.AddRange(Jobs(site, language, strings, cache));
        }

        using var typefaces = new ShareImageTypefaces(design);

        // Images the last build's output holds are taken from there first. The others the cache holds are linked or
        // read next, many at a time on threads of their own: a build that drew none and can link none mostly waits on
        // the disk (at 100,000 events, 2.9 GB of them); a build that reads none starts none. Those the cache does not
        // hold are drawn last, on the pool, which keeps as many busy as there are cores.
        var unkept = new ConcurrentBag<int>();
        Parallel.For(0, jobs.Count, i =>
        {
            if (!output.Keeps(jobs[i].Path, jobs[i].Key))
            {
                unkept.Add(i);
            }
        });

        var draw = new ConcurrentBag<int>();
        if (!unkept.IsEmpty)
        {
            using var disk = new DiskThreads();
            Parallel.ForEach(unkept, disk.Options, i =>
            {
                var job = jobs[i];
                var linked = cache.FileOf(job.Key) is { } file ? output.Link(job.Path, job.Key, file) : CachedImage.NotLinked;
                if (linked == CachedImage.Linked)
                {
                    return;
                }

                t_buffer ??= [];
                if (linked == CachedImage.NotLinked && cache.Read(job.Key, ref t_buffer) is { } length)
                {
                    output.Add(job.Path, t_buffer.AsSpan(0, length), job.Key);
                }
                else
                {
                    draw.Add(i);
                }
            });
        }

        // Renderers are lent out, one per image being drawn at a time: Parallel.For's local state is made per task,
        // and it starts dozens of tasks for a thousand images, each renderer holding its own shaped fonts.
        var idle = new ConcurrentBag<ShareImageRenderer>();
        var made = new ConcurrentBag<ShareImageRenderer>();
        Parallel.ForEach(draw, i =>
        {
            var job = jobs[i];
            if (!idle.TryTake(out var renderer))
            {
                renderer = new ShareImageRenderer(design, typefaces);
                made.Add(renderer);
            }

            var png = job.Draw(renderer);
            idle.Add(renderer);
            cache.Write(job.Key, png);
            output.Add(job.Path, png, job.Key);
        });

        var drawn = draw.Count;
        foreach (var renderer in made)
        {
            renderer.Dispose();
        }

        cache.Prune(jobs.Select(j => j.Key).ToHashSet(StringComparer.Ordinal));
        return new ShareImageCounts(drawn, jobs.Count - drawn);
    }
}

using System.Text;
using Timeline.Model;

namespace Timeline.Publishing.Feeds;

/// <summary>
/// robots.txt: every page may be crawled, and the sitemap is named. Crawlers read it only at a domain's root, so
/// under a base_url with a path it is written but has no effect; the sitemap can then be submitted by hand.
/// </summary>
internal static class RobotsTxt
{
    public const string FilePath = SiteUrls.RobotsFile;

    public static OutputFile Build(SiteSettings settings)
    {
        var sitemap = SiteUrls.Absolute(settings.BaseUrl, new SiteUrls(settings.BasePath).Sitemap);
        return new OutputFile(FilePath, Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n"));
    }
}

using System.Xml;
using Timeline.Model;

namespace Timeline.PostProcess.Feeds;

/// <summary>
/// sitemap.xml (sitemaps.org 0.9): the full address of every HTML page the build writes, taken from the pages
/// themselves so that no kind of page is forgotten. The 404 page and embeddable pages (/embed/) are not pages to find.
/// </summary>
public static class Sitemap
{
    public const string FilePath = "sitemap.xml";

    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static OutputFile Build(SiteSettings settings, IEnumerable<OutputFile> files)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, AtomFeed.XmlSettings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Namespace);
            foreach (var path in Listed(files, settings.OtherLanguages))
            {
                xml.WriteStartElement("url", Namespace);
                xml.WriteElementString("loc", Namespace, SiteUrls.Absolute(settings.BaseUrl, settings.BasePath + path));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return new OutputFile(FilePath, stream.ToArray());
    }

    /// <summary>The site paths listed, relative to the base path: "" for the home page, "events/x/" for events/x/index.html.</summary>
    public static IEnumerable<string> Listed(IEnumerable<OutputFile> files, IReadOnlyList<string>? otherLanguages = null) =>
        files.Where(f => f.IsHtml && f.Path != "404.html" && !IsEmbed(f.Path, otherLanguages ?? []))
            .Select(f => f.Path == "index.html" ? "" : f.Path.EndsWith("/index.html", StringComparison.Ordinal) ? f.Path[..^"index.html".Length] : f.Path)
            .Order(StringComparer.Ordinal);

    // Cards to frame, in the default tree (embed/) and in each other language's (fa/embed/).
    private static bool IsEmbed(string path, IReadOnlyList<string> otherLanguages) =>
        path.StartsWith("embed/", StringComparison.Ordinal) || otherLanguages.Any(l => path.StartsWith(l + "/embed/", StringComparison.Ordinal));
}

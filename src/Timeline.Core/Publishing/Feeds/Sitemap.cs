using System.Xml;
using Timeline.Model;

namespace Timeline.Publishing.Feeds;

/// <summary>
/// sitemap.xml (sitemaps.org 0.9): the full address of every HTML page the build writes, taken from the pages
/// themselves so that no kind of page is forgotten. In a site of several languages each address lists its twins in the
/// other trees (xhtml:link alternates). The 404 page and embeddable pages (/embed/) are not pages to find.
/// </summary>
internal static class Sitemap
{
    public const string FilePath = SiteUrls.SitemapFile;

    // Files to addresses, relative to the base path.
    private static readonly SiteUrls Relative = new("");

    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private const string Xhtml = "http://www.w3.org/1999/xhtml";

    public static OutputFile Build(SiteSettings settings, IEnumerable<OutputFile> files)
    {
        var listed = Listed(files, settings.OtherLanguages).ToList();
        var known = listed.ToHashSet(StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, AtomFeed.XmlSettings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Namespace);
            if (settings.OtherLanguages.Count > 0)
            {
                xml.WriteAttributeString("xmlns", "xhtml", null, Xhtml);
            }

            foreach (var path in listed)
            {
                xml.WriteStartElement("url", Namespace);
                xml.WriteElementString("loc", Namespace, SiteUrls.Absolute(settings.BaseUrl, settings.BasePath + path));

                // The same page in every language, itself included, as Google's sitemap form of hreflang asks.
                var twins = Twins(path, settings).Where(t => known.Contains(t.Path)).ToList();
                if (twins.Count > 1)
                {
                    foreach (var (language, twin) in twins.Append(("x-default", twins[0].Path)))
                    {
                        xml.WriteStartElement("xhtml", "link", Xhtml);
                        xml.WriteAttributeString("rel", "alternate");
                        xml.WriteAttributeString("hreflang", language);
                        xml.WriteAttributeString("href", SiteUrls.Absolute(settings.BaseUrl, settings.BasePath + twin));
                        xml.WriteEndElement();
                    }
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return new OutputFile(FilePath, stream.ToArray());
    }

    /// <summary>A listed path in each language's tree, the default language first: "events/x/" and "fa/events/x/".</summary>
    private static IEnumerable<(string Language, string Path)> Twins(string path, SiteSettings settings)
    {
        var own = settings.OtherLanguages.FirstOrDefault(l => path.StartsWith(l + "/", StringComparison.Ordinal));
        var relative = own is null ? path : path[(own.Length + 1)..];
        return settings.Languages.Select(l => (l, l == settings.Language ? relative : l + "/" + relative));
    }

    /// <summary>The site paths listed, relative to the base path: "" for the home page, "events/x/" for events/x/index.html.</summary>
    public static IEnumerable<string> Listed(IEnumerable<OutputFile> files, IReadOnlyList<string>? otherLanguages = null) =>
        files.Where(f => f.IsHtml && f.Path != SiteUrls.NotFoundFile && !IsEmbed(f.Path, otherLanguages ?? []))
            .Select(f => Relative.UrlOf(f.Path))
            .Order(StringComparer.Ordinal);

    // Cards to frame, in the default tree (embed/) and in each other language's (fa/embed/).
    private static bool IsEmbed(string path, IReadOnlyList<string> otherLanguages) =>
        path.StartsWith(SiteUrls.EmbedFolder + "/", StringComparison.Ordinal) || otherLanguages.Any(l => path.StartsWith($"{l}/{SiteUrls.EmbedFolder}/", StringComparison.Ordinal));
}

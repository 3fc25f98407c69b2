namespace Timeline.Model;

/// <summary>Every address the site has, in one place, under the base path of base_url. Pretty URLs end in '/'.</summary>
internal sealed record SiteUrls(string BasePath)
{
    public string Index => BasePath;

    /// <summary>The addresses of a language's own tree: /fa/events/... for fa.</summary>
    public SiteUrls ForLanguage(string language) => new($"{BasePath}{language}/");

    public string Event(string id) => $"{BasePath}events/{id}/";

    /// <summary>An event's citation file: cite.json (CSL-JSON) or cite.bib (BibTeX).</summary>
    public string EventCitation(string id, string extension) => $"{Event(id)}cite.{extension}";

    public string EventsData => $"{BasePath}events.json";

    public string SourcesData => $"{BasePath}sources.json";

    public string Year(int year) => $"{BasePath}years/{year:D4}/";

    public string Tag(string tag) => $"{BasePath}tags/{tag}/";

    public string Tags => $"{BasePath}tags/";

    public string Sources => $"{BasePath}sources/";

    public string Source(string id) => $"{BasePath}sources/#source-{id}";

    public string Entity(EntityKind kind, string id) => $"{EntityIndex(kind)}{id}/";

    public string EntityIndex(EntityKind kind) => $"{BasePath}{EntityFolder(kind)}/";

    public string Page(string id) => $"{BasePath}{id}/";

    public string Asset(string name) => $"{BasePath}assets/{name}";

    public string Search => $"{BasePath}search/";

    /// <summary>The folder of Pagefind's index and script, written by the Output phase.</summary>
    public string SearchBundle => $"{BasePath}pagefind/";

    public string Feed => $"{BasePath}feed.xml";

    /// <summary>The page not found, one for the whole site.</summary>
    public string NotFound => $"{BasePath}404.html";

    /// <summary>
    /// Where an address of this tree is written, inside the tree's folder: an address ending in '/' is its folder's
    /// index.html ("/memorial/fa/events/x/" is "events/x/index.html" in the Persian tree's folder).
    /// </summary>
    public string OutputPath(string address)
    {
        var path = address[Index.Length..];
        return path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
    }

    public string Sitemap => $"{BasePath}sitemap.xml";

    /// <summary>The full address of a site path such as "/memorial/events/x/" (site paths already hold the base path).</summary>
    /// <remarks>
    /// A page asks for a dozen full addresses (canonical, sharing, citation, structured data): a path of plain
    /// characters is put after the site's scheme and host as it is, which is what <see cref="Uri"/> makes of it;
    /// anything else (escapes, dot segments, queries, fragments) goes through <see cref="Uri"/>.
    /// </remarks>
    public static string Absolute(Uri baseUrl, string sitePath) =>
        IsPlain(sitePath) ? string.Concat(baseUrl.GetLeftPart(UriPartial.Authority), sitePath) : new Uri(baseUrl, sitePath).ToString();

    /// <summary>A path from the root whose characters are all unreserved or '/', with no empty, '.' or '..' segment.</summary>
    private static bool IsPlain(string path)
    {
        if (path.Length == 0 || path[0] != '/')
        {
            return false;
        }

        for (var i = 1; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '/' || c == '.')
            {
                // A segment must not be empty, "." or "..": look back to where it began.
                if (c == '/' && path[i - 1] == '/')
                {
                    return false;
                }

                if (c == '/' && IsDotSegment(path, i))
                {
                    return false;
                }
            }
            else if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_' && c != '~')
            {
                return false;
            }
        }

        return !IsDotSegment(path, path.Length);
    }

    /// <summary>Whether the segment ending at <paramref name="end"/> is "." or "..".</summary>
    private static bool IsDotSegment(string path, int end)
    {
        var start = path.LastIndexOf('/', end - 1) + 1;
        var segment = path.AsSpan(start, end - start);
        return segment is "." or "..";
    }

    /// <summary>An event's card for other sites to frame.</summary>
    public string Embed(string eventId) => $"{BasePath}embed/events/{eventId}/";

    /// <summary>The image social networks show for an event's page.</summary>
    public string EventShareImage(string eventId) => $"{Event(eventId)}share.png";

    /// <summary>The image social networks show for every other page.</summary>
    public string SiteShareImage => $"{BasePath}share.png";

    /// <summary>
    /// The folders the generator writes at the site's root, read off the addresses above: a page, whose address is
    /// /&lt;id&gt;/, may not take one of these names (nor a language's, see <see cref="LanguageFolder"/>).
    /// </summary>
    public static readonly IReadOnlySet<string> RootFolders = RootFoldersOf(new SiteUrls("/"));

    /// <summary>Whether a page with this id would land on a language's edition (/fa/ on a site in English and Persian).</summary>
    public static bool LanguageFolder(string id, string defaultLanguage, IEnumerable<string> languages) =>
        id != defaultLanguage && languages.Contains(id, StringComparer.Ordinal);

    private static HashSet<string> RootFoldersOf(SiteUrls urls)
    {
        string[] addresses =
        [
            urls.Event("x"), urls.Year(1), urls.Tags, urls.Sources, urls.Asset("x"), urls.Search, urls.SearchBundle, urls.Embed("x"),
            .. Enum.GetValues<EntityKind>().Select(urls.EntityIndex),
        ];
        return addresses.Select(a => a.Split('/')[1]).ToHashSet(StringComparer.Ordinal);
    }

    public static string EntityFolder(EntityKind kind) => kind switch
    {
        EntityKind.Person => "people",
        EntityKind.Organisation => "organisations",
        _ => "places",
    };
}

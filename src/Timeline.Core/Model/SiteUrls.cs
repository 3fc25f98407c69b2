namespace Timeline.Model;

/// <summary>
/// Every address the site has, in one place, under the base path of base_url, and the file each one is written to
/// (<see cref="FileOf"/>). Pretty URLs end in '/' and are written to their folder's index.html. The names a tree's
/// root holds are listed here too, so a page cannot take one (<see cref="ReservedPageNames"/>).
/// </summary>
internal sealed record SiteUrls(string BasePath)
{
    public const string EventsFolder = "events";
    public const string YearsFolder = "years";
    public const string TagsFolder = "tags";
    public const string SourcesFolder = "sources";
    public const string AssetsFolder = "assets";
    public const string EmbedFolder = "embed";
    public const string SearchFolder = "search";
    public const string ChangesFolder = "changes";

    /// <summary>The folder of Pagefind's index and script, written by the Output phase at the root only.</summary>
    public const string SearchBundleFolder = "pagefind";

    public const string EventsDataFile = "events.json";
    public const string SourcesDataFile = "sources.json";
    public const string TimelineJsDataFile = "timelinejs.json";
    public const string FeedFile = "feed.xml";
    public const string SitemapFile = "sitemap.xml";
    public const string RobotsFile = "robots.txt";

    /// <summary>The site's icon at its root, where browsers and feed readers ask for it unprompted (the theme's assets/favicon.ico).</summary>
    public const string FaviconFile = "favicon.ico";
    public const string NotFoundFile = "404.html";
    public const string ShareImageFile = "share.png";
    private const string IndexFile = "index.html";

    /// <summary>The folders the generator writes at the root of a language's tree (the search index at the site's root).</summary>
    public static readonly IReadOnlyList<string> RootFolders =
    [
        EventsFolder, YearsFolder, TagsFolder, SourcesFolder, EntityFolder(EntityKind.Person), EntityFolder(EntityKind.Organisation),
        EntityFolder(EntityKind.Place), AssetsFolder, EmbedFolder, SearchFolder, SearchBundleFolder, ChangesFolder,
    ];

    /// <summary>
    /// The names a content page (/&lt;id&gt;/) may not take: the root's folders, and every language's code (/fa/ is the
    /// Persian tree's home page). Files at the root all have a dot in their name, which no id has.
    /// </summary>
    public static IReadOnlySet<string> ReservedPageNames(IEnumerable<string> languages) =>
        RootFolders.Concat(languages).ToHashSet(StringComparer.Ordinal);

    /// <summary>The file an address of this tree is written to, relative to the tree's root: "events/x/index.html".</summary>
    public string FileOf(string url)
    {
        var path = url.StartsWith(BasePath, StringComparison.Ordinal) ? url[BasePath.Length..] : url;
        return path.Length == 0 || path[^1] == '/' ? path + IndexFile : path;
    }

    /// <summary>The address of a file of this tree, relative to the tree's root: "events/x/" for "events/x/index.html".</summary>
    public string UrlOf(string file) =>
        BasePath + (file == IndexFile ? "" : file.EndsWith("/" + IndexFile, StringComparison.Ordinal) ? file[..^IndexFile.Length] : file);

    /// <summary>The id of a page's note number <paramref name="number"/>, which its markers link to (#note-3).</summary>
    public static string NoteId(int number) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"note-{number}");

    /// <summary>The id of the <paramref name="use"/>-th marker (from 1) of note <paramref name="number"/>, which the note links back to.</summary>
    public static string NoteMarkerId(int number, int use) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ref-{number}-{use}");

    public string Index => BasePath;

    /// <summary>The addresses of a language's own tree: /fa/events/... for fa.</summary>
    public SiteUrls ForLanguage(string language) => new($"{BasePath}{language}/");

    public string Event(string id) => $"{BasePath}{EventsFolder}/{id}/";

    /// <summary>An event's citation file: cite.json (CSL-JSON) or cite.bib (BibTeX).</summary>
    public string EventCitation(string id, string extension) => $"{Event(id)}cite.{extension}";

    public string EventsData => $"{BasePath}{EventsDataFile}";

    public string SourcesData => $"{BasePath}{SourcesDataFile}";

    /// <summary>The events in TimelineJS's JSON format, for a TimelineJS embed.</summary>
    public string TimelineJsData => $"{BasePath}{TimelineJsDataFile}";

    public string Year(int year) => $"{BasePath}{YearsFolder}/{year:D4}/";

    public string Tag(string tag) => $"{BasePath}{TagsFolder}/{tag}/";

    public string Tags => $"{BasePath}{TagsFolder}/";

    public string Sources => $"{BasePath}{SourcesFolder}/";

    /// <summary>A source's entry in the bibliography, /sources/#source-&lt;id&gt;.</summary>
    public string Source(string id) => $"{BasePath}{SourcesFolder}/#source-{id}";

    /// <summary>
    /// A source's own page, /sources/&lt;id&gt;/. Nothing else is written inside sources/ but its index.html, and an id
    /// has no dot, so every id (index, fa, search) has a folder of its own there.
    /// </summary>
    public string SourcePage(string id) => $"{BasePath}{SourcesFolder}/{id}/";

    public string Entity(EntityKind kind, string id) => $"{EntityIndex(kind)}{id}/";

    public string EntityIndex(EntityKind kind) => $"{BasePath}{EntityFolder(kind)}/";

    public string Page(string id) => $"{BasePath}{id}/";

    public string Asset(string name) => $"{BasePath}{AssetsFolder}/{name}";

    public string Search => $"{BasePath}{SearchFolder}/";

    /// <summary>Every dated change of the entries (published, updated, corrected), newest first.</summary>
    public string Changes => $"{BasePath}{ChangesFolder}/";

    public string SearchBundle => $"{BasePath}{SearchBundleFolder}/";

    public string Feed => $"{BasePath}{FeedFile}";

    public string Sitemap => $"{BasePath}{SitemapFile}";

    /// <summary>The one 404 page, in the default language's tree.</summary>
    public string NotFound => $"{BasePath}{NotFoundFile}";

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
    public string Embed(string eventId) => $"{BasePath}{EmbedFolder}/{EventsFolder}/{eventId}/";

    /// <summary>The image social networks show for an event's page.</summary>
    public string EventShareImage(string eventId) => $"{Event(eventId)}{ShareImageFile}";

    /// <summary>The image social networks show for every other page.</summary>
    public string SiteShareImage => $"{BasePath}{ShareImageFile}";

    public static string EntityFolder(EntityKind kind) => kind switch
    {
        EntityKind.Person => "people",
        EntityKind.Organisation => "organisations",
        _ => "places",
    };
}

using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Model;

namespace Timeline.Checks;

/// <summary>
/// Checks every internal link of everything the build writes: each href must reach a file of the site,
/// and each #fragment an id on the target page. A broken link fails the build with the page, link and reason,
/// reported once however many pages carry it: at each record's line that writes it, else at the template line that
/// writes it, else against the templates folder (a template makes it from values).
/// </summary>
internal static class LinkChecker
{
    public static void Check(IReadOnlyList<OutputFile> files, string basePath, IReadOnlyList<Input.InputFile> templates, IEnumerable<WrittenLink> recordLinks, DiagnosticBag diagnostics, ParallelOptions? cores = null)
    {
        var pages = new PageLinks?[files.Count];
        Parallel.For(0, files.Count, cores ?? new ParallelOptions(), i => pages[i] = Scan(files[i]));
        Check(files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal), pages.OfType<PageLinks>().ToList(), basePath, templates, recordLinks, diagnostics, cores);
    }

    /// <summary>
    /// The links and ids of an HTML page, found once so that its bytes need not be kept; null for other files.
    /// Pages scanned with the same <paramref name="shared"/> share what they have in common (see <see cref="Shared"/>).
    /// </summary>
    public static PageLinks? Scan(OutputFile file, Shared? shared = null)
    {
        if (!file.IsHtml)
        {
            return null;
        }

        return Scan(file.Path, file.Content, shared);
    }

    /// <summary>As <see cref="Scan(OutputFile, Shared?)"/>, for a file's bytes held elsewhere.</summary>
    public static PageLinks? Scan(string path, ReadOnlySpan<byte> content, Shared? shared = null)
    {
        if (!OutputFile.IsHtmlPath(path))
        {
            return null;
        }

        // Only what the check could find wrong is kept: addresses that leave the site (the share links alone are about
        // nine long ones per event page) are always allowed, and a link to an id of the page itself is judged now.
        var scanned = Scan(content, shared?.Values, keepExternal: false);
        scanned.Links.RemoveAll(href => href.StartsWith('#') && (href.Length == 1 || scanned.Ids.Contains(Uri.UnescapeDataString(href[1..]))));
        return new PageLinks(path, scanned.Links.ToArray(), shared?.IdsLike(scanned.Ids) ?? scanned.Ids);
    }

    /// <summary>
    /// What pages scanned together share, so that a large site's scans are not held many times over: one copy of each
    /// address and id (most pages link to the same few thousand), and one set of each set of ids (event pages with as
    /// many notes have the same ids: the 21,025 pages of a 10,000-event site have 83 sets). The sets are only read once made.
    /// </summary>
    public sealed class Shared
    {
        // Keyed by the sets themselves, compared as sets: the same ids in any order are one key.
        private readonly ConcurrentDictionary<HashSet<string>, HashSet<string>> _idSets = new(HashSet<string>.CreateSetComparer());

        internal ConcurrentDictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

        /// <summary>The set of these ids already held, or these.</summary>
        internal HashSet<string> IdsLike(HashSet<string> ids) => _idSets.GetOrAdd(ids, ids);
    }

    /// <summary>
    /// Checks the links of pages scanned as they were made, against every path the site has (<paramref name="paths"/>,
    /// compared ordinally) and every page's ids, those of <paramref name="checkedBefore"/> too: pages whose links need
    /// no checking again (see <see cref="Rendering.PageCache.KeptLinksHold"/>).
    /// </summary>
    public static void Check(HashSet<string> paths, IReadOnlyList<PageLinks> pages, string basePath, IReadOnlyList<Input.InputFile> templates, IEnumerable<WrittenLink> recordLinks, DiagnosticBag diagnostics, ParallelOptions? cores = null, IReadOnlyList<PageLinks>? checkedBefore = null)
    {
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var page in checkedBefore is null ? pages : pages.Concat(checkedBefore))
        {
            ids[page.Path] = page.Ids;
        }

        // Most links are absolute and repeated on every page (navigation, years, sources): judge each once.
        var judged = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
        var broken = new ConcurrentBag<(string Href, string Reason, string Page)>();
        Parallel.ForEach(pages, cores ?? new ParallelOptions(), page =>
        {
            var path = page.Path;
            foreach (var href in page.Links)
            {
                var reason = SameOnEveryPage(href)
                    ? judged.GetOrAdd(href, h => Problem(h, "", basePath, paths, ids))
                    : Problem(href, path, basePath, paths, ids);
                if (reason is not null)
                {
                    broken.Add((href, reason, basePath + (path.EndsWith("index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path)));
                }
            }
        });

        if (broken.IsEmpty)
        {
            return;
        }

        // The page's href is Markdig's escaped form of what the record wrote ("a b" becomes "a%20b"): compare both unescaped.
        var written = recordLinks.ToLookup(link => Unescaped(link.Href), link => link.Origin, StringComparer.Ordinal);
        foreach (var group in broken.GroupBy(b => (b.Href, b.Reason)).OrderBy(g => g.Key.Href, StringComparer.Ordinal))
        {
            var on = group.Select(b => b.Page).Distinct().Order(StringComparer.Ordinal).ToList();
            var pagesText = on.Count == 1 ? on[0] : $"{on[0]} and {on.Count - 1} other page{(on.Count == 2 ? "" : "s")}";
            var message = ErrorMessages.BrokenLink(group.Key.Href, group.Key.Reason, pagesText);
            var records = written[Unescaped(group.Key.Href)].Distinct().ToList();
            foreach (var origin in records)
            {
                diagnostics.Error(origin.Path, origin.Position, message);
            }

            if (records.Count == 0)
            {
                var (path, position) = Writer(group.Key.Href, templates) ?? (TemplatesFolder(templates), SourcePosition.None);
                diagnostics.Error(path, position, message);
            }
        }
    }

    private static string Unescaped(string href) => Uri.UnescapeDataString(href.Trim());

    /// <summary>The theme's templates folder as messages show it, found from a template's path.</summary>
    private static string TemplatesFolder(IReadOnlyList<Input.InputFile> templates)
    {
        var shown = templates.Count > 0 ? templates[0].DisplayPath : "theme/templates/";
        var at = shown.LastIndexOf("templates/", StringComparison.Ordinal);
        return at >= 0 ? shown[..(at + "templates/".Length)] : "theme/templates/";
    }

    /// <summary>The links (href and src values, in order) and the ids of one page.</summary>
    public sealed record PageLinks(string Path, IReadOnlyList<string> Links, HashSet<string> Ids);

    /// <summary>The ids and the href and src values of one page, decoded.</summary>
    internal sealed record ScannedPage(List<string> Links, HashSet<string> Ids);

    /// <summary>
    /// Finds every <c>\s(href|src)="…"</c> and <c>\sid="…"</c> in a page, straight from its UTF-8 bytes, in one
    /// pass over each '="': the markup is ASCII, so this finds what the two regular expressions over the decoded
    /// text found (each search going on after its own last match), at a fraction of the cost.
    /// </summary>
    internal static ScannedPage Scan(ReadOnlySpan<byte> html, ConcurrentDictionary<string, string>? shared = null, bool keepExternal = true)
    {
        var links = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var text = html;
        var linksFrom = 0;
        var idsFrom = 0;
        var at = 0;
        while (at < text.Length)
        {
            var found = text[at..].IndexOf("=\""u8);
            if (found < 0)
            {
                break;
            }

            var equals = at + found;
            at = equals + 2;
            var before = text[..equals];
            var link = Math.Max(AttributeStart(before, "href"u8), AttributeStart(before, "src"u8));
            var isLink = link >= 0;
            var start = isLink ? link : AttributeStart(before, "id"u8);
            if (start < 0 || start < (isLink ? linksFrom : idsFrom))
            {
                continue;
            }

            var close = text[at..].IndexOf((byte)'"');
            if (close < 0)
            {
                continue;
            }

            if (isLink && !keepExternal && IsExternal(text.Slice(at, close)))
            {
                linksFrom = at + close + 1;
                continue;
            }

            var value = WebUtility.HtmlDecode(Encoding.UTF8.GetString(text.Slice(at, close)));
            if (shared is not null)
            {
                value = shared.GetOrAdd(value, value);
            }

            if (isLink)
            {
                links.Add(value);
                linksFrom = at + close + 1;
            }
            else
            {
                ids.Add(value);
                idsFrom = at + close + 1;
            }
        }

        return new ScannedPage(links, ids);
    }

    /// <summary>
    /// Whether an attribute value, as written, is an http, https or mailto address: the same answer as for the decoded
    /// value, since these prefixes hold no character reference.
    /// </summary>
    private static bool IsExternal(ReadOnlySpan<byte> value) =>
        StartsWithIgnoringCase(value, "http://"u8) || StartsWithIgnoringCase(value, "https://"u8) || StartsWithIgnoringCase(value, "mailto:"u8);

    private static bool StartsWithIgnoringCase(ReadOnlySpan<byte> value, ReadOnlySpan<byte> prefix) =>
        value.Length >= prefix.Length && System.Text.Ascii.EqualsIgnoreCase(value[..prefix.Length], prefix);

    /// <summary>Where the white-space character before the attribute name starts, when the text ends with both; else -1.</summary>
    private static int AttributeStart(ReadOnlySpan<byte> before, ReadOnlySpan<byte> name)
    {
        if (!before.EndsWith(name) || before.Length == name.Length)
        {
            return -1;
        }

        var space = before[..^name.Length];
        if (space[^1] < 0x80)
        {
            return char.IsWhiteSpace((char)space[^1]) ? space.Length - 1 : -1;
        }

        return Rune.DecodeLastFromUtf8(space, out var rune, out var size) == System.Buffers.OperationStatus.Done && Rune.IsWhiteSpace(rune)
            ? space.Length - size
            : -1;
    }

    /// <summary>Whether a link means the same on every page: absolute addresses, not relative ones or bare fragments.</summary>
    private static bool SameOnEveryPage(string href) =>
        href.StartsWith('/') || href.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    /// <summary>The template line that writes this address literally, if any: that is where the fix goes.</summary>
    private static (string Path, SourcePosition Position)? Writer(string href, IReadOnlyList<Input.InputFile> templates)
    {
        foreach (var template in templates)
        {
            var at = template.Text.IndexOf("\"" + href + "\"", StringComparison.Ordinal);
            if (at >= 0)
            {
                var line = 1 + template.Text.AsSpan(0, at).Count('\n');
                var column = at + 1 - template.Text.LastIndexOf('\n', Math.Max(0, at - 1));
                return (template.DisplayPath, new SourcePosition(line, column));
            }
        }

        return null;
    }

    private static string? Problem(string href, string pagePath, string basePath, HashSet<string> paths, Dictionary<string, HashSet<string>> ids)
    {
        if (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var hash = href.IndexOf('#');
        var target = hash >= 0 ? href[..hash] : href;
        var fragment = hash >= 0 ? Uri.UnescapeDataString(href[(hash + 1)..]) : null;
        target = target.Split('?')[0];

        string file;
        if (target.Length == 0)
        {
            file = pagePath;
        }
        else if (target.StartsWith('/'))
        {
            if (!target.StartsWith(basePath, StringComparison.Ordinal))
            {
                return $"it is outside the site's base path {basePath}";
            }

            file = target[basePath.Length..];
        }
        else if (target.Contains(':'))
        {
            return "links may only go to http, https or mailto addresses, or inside the site";
        }
        else
        {
            var folder = pagePath.Contains('/') ? pagePath[..(pagePath.LastIndexOf('/') + 1)] : "";
            file = new Uri(new Uri("http://site/" + folder), target).AbsolutePath.TrimStart('/');
        }

        file = Uri.UnescapeDataString(file);
        if (file.Length == 0 || file.EndsWith('/'))
        {
            file += "index.html";
        }

        if (!paths.Contains(file))
        {
            return paths.Contains(file + "/index.html")
                ? $"the page is at {target}/, with a closing slash"
                : $"the site has no page or file at {target}";
        }

        if (fragment is not null && fragment.Length > 0 && !(ids.TryGetValue(file, out var found) && found.Contains(fragment)))
        {
            return $"the page {file} has no element with id '{fragment}'";
        }

        return null;
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Timeline.Output.Search;

/// <summary>
/// What the search index needs to know of one page: its path in the site, the language Pagefind files it under
/// (its &lt;html lang&gt;), whether the theme marked its text for indexing (data-pagefind-body), and a digest of the
/// parts of it that can change what Pagefind makes of it. The digest leaves out the regions marked data-pagefind-ignore
/// when it can be sure they hold nothing Pagefind reads, so that an event whose neighbour was renamed (its
/// previous/next links and lists of other events are ignored regions) keeps its index.
/// </summary>
internal sealed partial record SearchPage(string Path, string Language, bool MarkedBody, byte[] Digest)
{
    /// <summary>The language Pagefind gives a page without one.</summary>
    public const string NoLanguage = "unknown";

    private static ReadOnlySpan<byte> Ignore => "data-pagefind-ignore"u8;

    // Elements whose end tag may be left out: where one ends cannot be told by counting tags, so they are kept whole.
    private static readonly HashSet<string> OptionalEnd = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "option", "optgroup", "rb", "rp", "rt", "rtc", "tr", "td", "th", "thead", "tbody", "tfoot",
        "colgroup", "caption", "html", "head", "body",
    };

    // What an ignored region must not hold to be left out of the digest.
    private static readonly byte[][] UnsafeTags = [.. new[] { "<img", "<h1", "<!--", "<script", "<template", "<style" }.Select(Encoding.ASCII.GetBytes)];

    public static SearchPage Read(string path, ReadOnlySpan<byte> html) =>
        new(path, LanguageOf(html), html.IndexOf("data-pagefind-body"u8) >= 0, DigestOf(html));

    /// <summary>The lang attribute of the page's html element, as Pagefind reads it; <see cref="NoLanguage"/> without one.</summary>
    internal static string LanguageOf(ReadOnlySpan<byte> html)
    {
        var head = html[..Math.Min(html.Length, 4096)];
        var text = Encoding.UTF8.GetString(head);
        var tag = HtmlTag().Match(text);
        if (!tag.Success)
        {
            return NoLanguage;
        }

        var lang = LangAttribute().Match(tag.Value);
        var value = lang.Success ? (lang.Groups["q"].Success ? lang.Groups["q"].Value : lang.Groups["u"].Value).Trim() : "";
        return value.Length == 0 ? NoLanguage : value;
    }

    /// <summary>
    /// SHA-256 of the page without its ignored regions that are safe to leave out: a region is left out only when its
    /// element's end is found by counting its tags, and it holds no other Pagefind attribute (meta and filters are read
    /// even inside ignored regions), no image or h1 (Pagefind's default image and title), no comment, script or template.
    /// Anything else is hashed as it is, so a doubt costs a shard's index, never a stale one.
    /// </summary>
    internal static byte[] DigestOf(ReadOnlySpan<byte> html)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var rest = html;
        while (true)
        {
            var at = rest.IndexOf(Ignore);
            if (at < 0)
            {
                break;
            }

            var after = at + Ignore.Length;
            if (Removable(rest, at) is { } region)
            {
                hash.AppendData(rest[..region.Start]);
                rest = rest[region.End..];
            }
            else
            {
                hash.AppendData(rest[..after]);
                rest = rest[after..];
            }
        }

        hash.AppendData(rest);
        return hash.GetHashAndReset();
    }

    // The element whose start tag holds the attribute at `at`, as [start, end) of html, when it may be left out.
    private static (int Start, int End)? Removable(ReadOnlySpan<byte> html, int at)
    {
        var after = at + Ignore.Length;
        if (at == 0 || !IsSpace(html[at - 1]) || after >= html.Length || html[after] is not ((byte)' ' or (byte)'>' or (byte)'=' or (byte)'/'))
        {
            return null;
        }

        var start = html[..at].LastIndexOf((byte)'<');
        if (start < 0 || html[start..at].IndexOf((byte)'>') >= 0)
        {
            return null;
        }

        var nameEnd = start + 1;
        while (nameEnd < html.Length && IsNameByte(html[nameEnd]))
        {
            nameEnd++;
        }

        var name = html[(start + 1)..nameEnd];
        if (name.IsEmpty || OptionalEnd.Contains(Encoding.ASCII.GetString(name)) || EndOf(html, start, name) is not { } end)
        {
            return null;
        }

        var region = html[start..end];
        return HoldsWhatPagefindReads(region) ? null : (start, end);
    }

    // Where the element opened at `start` ends (just past its end tag), counting nested elements of the same name.
    private static int? EndOf(ReadOnlySpan<byte> html, int start, ReadOnlySpan<byte> name)
    {
        var depth = 0;
        var i = start;
        while (i < html.Length)
        {
            var lt = html[i..].IndexOf((byte)'<');
            if (lt < 0)
            {
                return null;
            }

            i += lt;
            var closing = i + 1 < html.Length && html[i + 1] == (byte)'/';
            var nameAt = i + (closing ? 2 : 1);
            if (NameAt(html, nameAt, name))
            {
                depth += closing ? -1 : 1;
                if (depth == 0)
                {
                    var gt = html[i..].IndexOf((byte)'>');
                    return gt < 0 ? null : i + gt + 1;
                }
            }

            i++;
        }

        return null;
    }

    private static bool NameAt(ReadOnlySpan<byte> html, int at, ReadOnlySpan<byte> name)
    {
        if (at + name.Length >= html.Length)
        {
            return false;
        }

        if (!Ascii.EqualsIgnoreCase(html.Slice(at, name.Length), name))
        {
            return false;
        }

        var next = html[at + name.Length];
        return IsSpace(next) || next is (byte)'>' or (byte)'/';
    }

    private static bool HoldsWhatPagefindReads(ReadOnlySpan<byte> region)
    {
        var rest = region;
        while (rest.IndexOf("data-pagefind-"u8) is var at and >= 0)
        {
            if (!rest[at..].StartsWith(Ignore))
            {
                return true;
            }

            rest = rest[(at + Ignore.Length)..];
        }

        // Every tag that matters starts with '<': each one is compared, ignoring case.
        for (var i = region.IndexOf((byte)'<'); i >= 0; i = region[(i + 1)..].IndexOf((byte)'<') is var next and >= 0 ? i + 1 + next : -1)
        {
            foreach (var tag in UnsafeTags)
            {
                if (i + tag.Length <= region.Length && Ascii.EqualsIgnoreCase(region.Slice(i, tag.Length), tag))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\t' or (byte)'\r' or (byte)'\f';

    private static bool IsNameByte(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-';

    [GeneratedRegex(@"<html\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\slang\s*=\s*(?:[""'](?<q>[^""']*)[""']|(?<u>[^\s>""']+))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LangAttribute();
}

/// <summary>
/// One Pagefind index of the site: the pages of one language whose path falls in one bucket, written to
/// <see cref="Folder"/> inside the search bundle folder. The first shard of each language is its primary: the search
/// page loads Pagefind's script and its language's WebAssembly from there and merges the language's other shards.
/// </summary>
internal sealed record SearchShard(string Language, string Folder, bool Primary, IReadOnlyList<SearchPage> Pages);

/// <summary>
/// Splits the site's search index into shards, so that an edit brings up to date only the indexes of the pages it
/// changed: Pagefind has no incremental mode. A page's shard follows from its path alone (a fixed hash), and the
/// number of shards of a language from how many pages it has, so the same site always gives the same shards.
/// Measured on two cores (1,000 events, 1,091 pages indexed): Pagefind takes about 1.5 ms a page and 30 ms more for
/// each index it writes, so more shards make a first build slower and a rebuild faster; and each shard the browser
/// merges costs a search two more small requests at first and one more a word, hence the cap.
/// </summary>
internal static partial class SearchShards
{
    /// <summary>About how many pages one shard holds, until the cap is reached.</summary>
    public const int PagesPerShard = 64;

    /// <summary>The most shards a language is split into.</summary>
    public const int MaxShards = 64;

    /// <summary>The file that names each language's shards, primary first, for the search page.</summary>
    public const string ListFile = "shards.json";

    /// <summary>
    /// The shards of <paramref name="pages"/>: when any page is marked data-pagefind-body, only marked pages are indexed
    /// (as Pagefind itself does over a whole site; shard by shard it could not tell). Empty shards are left out.
    /// </summary>
    public static IReadOnlyList<SearchShard> Plan(IEnumerable<SearchPage> pages)
    {
        var all = pages.ToList();
        var indexed = all.Any(p => p.MarkedBody) ? all.Where(p => p.MarkedBody).ToList() : all;
        var shards = new List<SearchShard>();
        var folders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var languages = indexed.GroupBy(p => p.Language, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        for (var l = 0; l < languages.Count; l++)
        {
            var language = languages[l];
            // The language names its folder when it is a plain language tag, unique ignoring case; else its number does.
            var name = language.Key.ToLowerInvariant();
            var folder = SafeName().IsMatch(name) && folders.Add(name) ? name : $"_{l}";
            var count = CountFor(language.Count());
            var buckets = language.GroupBy(p => Bucket(p.Path, count)).OrderBy(b => b.Key).ToList();
            for (var b = 0; b < buckets.Count; b++)
            {
                var ordered = buckets[b].OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
                shards.Add(new SearchShard(language.Key, $"{folder}/{buckets[b].Key}", b == 0, ordered));
            }
        }

        return shards;
    }

    /// <summary>How many shards a language of <paramref name="pages"/> indexed pages is split into.</summary>
    public static int CountFor(int pages) => Math.Clamp((pages + PagesPerShard - 1) / PagesPerShard, 1, MaxShards);

    /// <summary>The list the search page reads: for each language, its shards' folders (relative, ending in '/'), primary first.</summary>
    public static byte[] List(IReadOnlyList<SearchShard> shards)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var language in shards.GroupBy(s => s.Language, StringComparer.Ordinal))
            {
                json.WriteStartArray(language.Key);
                foreach (var shard in language.OrderByDescending(s => s.Primary))
                {
                    json.WriteStringValue(shard.Folder + "/");
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        System.Buffers.BuffersExtensions.Write(buffer, "\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    // FNV-1a of the path's UTF-8 bytes: the same on every machine and in every run, unlike string.GetHashCode.
    private static int Bucket(string path, int count)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % (uint)count);
    }

    [GeneratedRegex("^[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8}){0,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();
}

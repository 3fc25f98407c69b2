using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Timeline.Output.Search;

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

using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Timeline.Model;
using Timeline.Output;
using Timeline.Theme;

namespace Timeline.Rendering;

/// <summary>
/// Pages a build need not render again. A page's key is a hash of everything its templates read: for an event's
/// page, embed card and citation files, the records it shows (see <see cref="PageInputs"/>), computed before anything
/// is rendered; for every other page, the values it is rendered with (its views, serialized whole). Both include the
/// theme's templates and strings, the build's settings and the generator's own code. A page whose key is the one the
/// last build recorded, and whose file in the output that build left has the stamp (size and time of last change)
/// recorded then, is taken as it is: neither rendered nor read, but linked into the new site with the links and search
/// digest recorded for it. The record (pages.bin in the cache folder) is replaced only by a build that succeeds, and
/// lists only the pages that build wrote.
/// </summary>
internal sealed class PageCache
{
    /// <summary>Changes whenever what a key covers changes.</summary>
    private const string Version = "page-cache-2";

    private const string FileName = "pages.bin";

    private static readonly JsonSerializerOptions Json = new() { MaxDepth = 256, TypeInfoResolver = KeyJson.Default };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private readonly string _cacheFolder;
    private readonly string _output;
    private readonly byte[] _salt;
    private readonly Dictionary<string, PageRecord> _previous;
    private readonly ConcurrentDictionary<string, PageRecord> _next = new(StringComparer.Ordinal);

    private readonly Func<string, FileStamp, bool>? _staged;

    private PageCache(string cacheFolder, string output, byte[] salt, Dictionary<string, PageRecord> previous, Func<string, FileStamp, bool>? staged)
    {
        _cacheFolder = cacheFolder;
        _output = output;
        _salt = salt;
        _previous = previous;
        _staged = staged;
    }

    /// <summary>How many pages this build took from the last one's output.</summary>
    public int Reused => _reused;

    private int _reused;

    /// <summary>What every key starts from: the theme, its strings, the build's settings and the generator's code.</summary>
    public ReadOnlySpan<byte> Salt => _salt;

    /// <summary>
    /// The cache of a build into <paramref name="output"/> with this theme, and what the last build recorded; null for
    /// a first build (no output yet), which then spends nothing on keys: a site built once, as on a fresh machine,
    /// never has a page to take. <paramref name="settings"/> are the build's own choices that pages show (whether the
    /// site is searchable, whether it has the web font). <paramref name="staged"/> says whether the folder the new site
    /// is staged into (the spare) already has a page's file as recorded, which spares looking at the output's.
    /// </summary>
    /// <param name="recorded">What the last build recorded, when it was read already (see <see cref="ReadRecord"/>).</param>
    public static PageCache? Open(string cacheFolder, string output, ThemeTemplates theme, IEnumerable<string> languages, string settings, Func<string, FileStamp, bool>? staged = null, Task<Dictionary<string, PageRecord>>? recorded = null)
    {
        if (!Directory.Exists(output))
        {
            return null;
        }

        // The theme's templates and strings, and the code that makes the views and renders them.
        using var salt = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        salt.AppendData(Encoding.UTF8.GetBytes($"{Version}\n{typeof(PageCache).Assembly.ManifestModule.ModuleVersionId}\n{settings}\n"));
        foreach (var file in theme.Files.OrderBy(f => f.FullPath, StringComparer.Ordinal))
        {
            salt.AppendData(Encoding.UTF8.GetBytes($"{Path.GetRelativePath(theme.Folder, file.FullPath)}\n{file.Text.Length}\n{file.Text}\n"));
        }

        foreach (var language in languages.Where(theme.Strings.Has).Order(StringComparer.Ordinal))
        {
            foreach (var (key, value) in theme.Strings.For(language).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                salt.AppendData(Encoding.UTF8.GetBytes($"{language}\t{key}\t{value.Length}\t{value}\n"));
            }
        }

        var previous = (recorded ?? ReadRecord(cacheFolder)).GetAwaiter().GetResult();
        return new PageCache(cacheFolder, output, salt.GetHashAndReset(), previous, staged);
    }

    /// <summary>
    /// Reads what the last build recorded on another thread: started when a build begins, the record (15 MB at 10,000
    /// events) is read while the input is, not before the render. No record, or one that cannot be read: every page is rendered.
    /// </summary>
    public static Task<Dictionary<string, PageRecord>> ReadRecord(string cacheFolder) =>
        Task.Run(() => CacheFile.Read(cacheFolder, FileName) is { } bytes ? PageRecord.Read(new MemoryStream(bytes)) : []);

    /// <summary>
    /// The key of a page rendered from <paramref name="template"/> with these values in a language. Every page of a
    /// language is given the same site view (its name, navigation and strings), under the name "site" in its values and
    /// in its layout's: it is serialized and hashed once per build, and its hash stands for it in each key (render after
    /// one edit at 1,000 events: 1.6 s to 1.47 s).
    /// </summary>
    public string Key(string template, string language, IReadOnlyDictionary<string, object?> values, IReadOnlyDictionary<string, object?>? layout)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1 << 16);
        buffer.ResetWrittenCount();
        buffer.Write(_salt);
        buffer.Write(Encoding.UTF8.GetBytes($"\n{template}\n{language}\n"));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            WriteValues(json, values);
            if (layout is not null)
            {
                WriteValues(json, layout);
            }

            json.WriteEndArray();
        }

        var key = Convert.ToHexString(HashInput.Of(buffer.WrittenSpan));

        // A very large page (the index of a large site) lets its buffer go rather than keep it for the next.
        if (buffer.Capacity > 1 << 24)
        {
            t_buffer = null;
        }

        return key;
    }

    // The values in name order, each serialized whole, except a site view, which is written as its hash.
    private void WriteValues(Utf8JsonWriter json, IReadOnlyDictionary<string, object?> values)
    {
        json.WriteStartObject();
        foreach (var (name, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            json.WritePropertyName(name);
            if (value is Views.SiteView site)
            {
                json.WriteStringValue(_sites.GetOrAdd(site, HashOf));
            }
            else
            {
                JsonSerializer.Serialize(json, value, Json.GetTypeInfo(typeof(object)));
            }
        }

        json.WriteEndObject();
    }

    private static string HashOf(Views.SiteView site) =>
        "site:" + Convert.ToHexString(HashInput.Of(JsonSerializer.SerializeToUtf8Bytes(site, Json.GetTypeInfo(typeof(Views.SiteView)))));

    /// <summary>The hash of a language's site view, which every page of that language is given.</summary>
    public string SiteHash(Views.SiteView site) => _sites.GetOrAdd(site, HashOf);

    // The hash of each language's site view, by reference: the views are made once per build and never change.
    private readonly ConcurrentDictionary<Views.SiteView, string> _sites = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// What the last build recorded of the page at <paramref name="path"/>, if its key is the same and a file with the
    /// stamp it was written with is still there: in the spare the new site is staged into (after two builds, the same
    /// file as the output's, which the last build linked there), else in the output (a page changed by hand in the
    /// output has another stamp, and is made again). Counted as a page taken from the last build.
    /// </summary>
    public bool TryKeep(string path, string key, [NotNullWhen(true)] out PageRecord? record)
    {
        if (!Holds(path, key, out record))
        {
            return false;
        }

        Interlocked.Increment(ref _reused);
        return true;
    }

    /// <summary>As <see cref="TryKeep"/>, for a file that is not a page (a share image): not counted.</summary>
    public bool Holds(string path, string key, [NotNullWhen(true)] out PageRecord? record)
    {
        if (!_previous.TryGetValue(path, out record) || record.Key != key)
        {
            record = null;
            return false;
        }

        if (_staged?.Invoke(path, record.Stamp) != true && StampInOutput(path) != record.Stamp)
        {
            record = null;
            return false;
        }

        return true;
    }

    /// <summary>
    /// Whether a cached file with <paramref name="cached"/> as its stamp is the file the last build put at
    /// <paramref name="path"/> with <paramref name="key"/> (linked from the cache), changed since through the output:
    /// the output's file now has the cached file's stamp, which is no longer the one recorded. Its bytes are then
    /// no longer what was cached.
    /// </summary>
    public bool ChangedThroughOutput(string path, string key, FileStamp cached) =>
        _previous.TryGetValue(path, out var record) && record.Key == key && record.Stamp != cached && StampInOutput(path) == cached;

    /// <summary>
    /// The parts of the file at <paramref name="path"/> (a feed, a data file), keyed by <paramref name="key"/>, with
    /// those the last build wrote there when its file is still in the output as that build left it.
    /// </summary>
    public FileParts PartsOf(string path, Func<int, string> key)
    {
        if (_previous.TryGetValue(path, out var record) && record.Parts is { } parts && StampInOutput(path) == record.Stamp)
        {
            try
            {
                var last = File.OpenHandle(InOutput(path));
                return FileParts.Keyed(key, last, RandomAccess.GetLength(last), parts);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Unreadable: every part is made again.
            }
        }

        return FileParts.Keyed(key);
    }

    /// <summary>
    /// Notes a file written as a stream: one made of parts (a feed, a data file), with how many of them it copied from
    /// the last build's, or another (no parts).
    /// </summary>
    public void Record(string path, FileStamp stamp, FileParts? parts)
    {
        Interlocked.Add(ref _partsReused, parts?.Taken ?? 0);
        _next[path] = new PageRecord(Unkeyed, stamp, null, null, null) { Parts = parts?.Written };
    }

    /// <summary>
    /// The key of a file recorded only so that the record lists every file the build wrote (see
    /// <see cref="KeptLinksHold"/>): no page's key is empty, so it is never taken from the last build by its key.
    /// </summary>
    public const string Unkeyed = "";

    /// <summary>
    /// Notes the ids of a page this build made (not taken from the last build): a page that lost an id the last build's
    /// page at the same path had may break a link from a page taken from the last build.
    /// </summary>
    public void NoteIds(string path, HashSet<string>? ids)
    {
        if (!_idsLost && _previous.TryGetValue(path, out var last) && last.Ids is { Count: > 0 } before && (ids is null || !before.IsSubsetOf(ids)))
        {
            _idsLost = true;
        }
    }

    private volatile bool _idsLost;

    /// <summary>
    /// Whether the links of every page taken from the last build still hold, so that they need not be checked again:
    /// the last build checked them (its record is kept only when it succeeded), and they still hold when every file
    /// that build wrote is in this build too (<paramref name="paths"/>, but for those no link may name:
    /// <paramref name="unlinked"/>), and no page made again lost an id it had (see <see cref="NoteIds"/>). A page taken
    /// as it was links to the same addresses; only a file or an id gone can break one of them. Call it once every page
    /// is recorded.
    /// </summary>
    public bool KeptLinksHold(IReadOnlySet<string> paths, Func<string, bool> unlinked) =>
        !_idsLost && _previous.Keys.All(path => paths.Contains(path) || unlinked(path));

    /// <summary>How many parts of feeds and data files this build copied from the last build's files.</summary>
    public int PartsReused => _partsReused;

    private int _partsReused;

    private FileStamp? StampInOutput(string path)
    {
        try
        {
            return FileStamp.Of(InOutput(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The full path of a file of the output this build replaces.</summary>
    public string InOutput(string path) => Path.Combine(_output, path);

    /// <summary>Notes what this build wrote at a path.</summary>
    public void Record(string path, PageRecord record) => _next[path] = record;

    /// <summary>Replaces the record with this build's, once its output is in place.</summary>
    /// <summary>
    /// Starts writing what this build recorded beside the last record, on another thread, once every page is recorded:
    /// it is kept only if the build then succeeds (see <see cref="CacheFile.Pending"/>).
    /// </summary>
    public CacheFile.Pending SaveAside() =>
        CacheFile.WriteAside(_cacheFolder, FileName, stream =>
        {
            var records = _next.ToArray();
            Array.Sort(records, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            PageRecord.Write(stream, records);
        });
}

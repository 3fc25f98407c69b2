using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Timeline.Dates;
using Timeline.Input;
using Timeline.Model;
using Timeline.Output;

namespace Timeline.Loading;

/// <summary>
/// Event files as the last build parsed them, so that a build parses again only the files whose text changed: YAML
/// parsing was most of the read step (a second of two cores' time at 10,000 events), reading a parsed record back a
/// quarter of it. An entry is keyed by a hash of everything the parse reads (the file's text, its paths, the site's
/// languages) and of the generator's code; only a parse that reported nothing is kept, so a file with an error is
/// parsed, and reported, on every build. The record (events.bin in the cache folder) is read only from the build's
/// own cache folder; a damaged record reads as empty, and an entry that does not read back whole (a value missing, a
/// null where the record has none) is parsed again: the cache only saves time.
/// </summary>
internal sealed class ParsedEventCache
{
    private const string FileName = "events.bin";

    // Changes with the layout of the file; the code's own version is in every key.
    private static readonly byte[] Layout = "timeline-events-1\n"u8.ToArray();

    private static readonly ParsedEventJson Json = ParsedEventJson.Default;

    private readonly string _cacheFolder;
    private readonly byte[] _salt;
    private readonly Dictionary<string, ReadOnlyMemory<byte>> _previous;
    private readonly ConcurrentDictionary<string, ReadOnlyMemory<byte>> _next = new(StringComparer.Ordinal);

    private ParsedEventCache(string cacheFolder, byte[] salt, Dictionary<string, ReadOnlyMemory<byte>> previous)
    {
        _cacheFolder = cacheFolder;
        _salt = salt;
        _previous = previous;
    }

    /// <summary>How many events were taken from the cache.</summary>
    public int Reused => _reused;

    private int _reused;

    /// <summary>The cache in <paramref name="cacheFolder"/>, with what the last build recorded there when the folder is the build's own.</summary>
    public static ParsedEventCache Open(string cacheFolder)
    {
        var salt = Encoding.UTF8.GetBytes($"{typeof(ParsedEventCache).Assembly.ManifestModule.ModuleVersionId}\n");
        var previous = CacheFile.Read(cacheFolder, FileName) is { } bytes ? Entries(bytes) : [];
        return new ParsedEventCache(cacheFolder, salt, previous);
    }

    /// <summary>The key of a file's parse with the site's languages.</summary>
    public string Key(InputFile file, SiteLanguages? languages)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(_salt);
        var others = languages is null ? "" : string.Join(' ', languages.Others);
        hash.AppendData(Encoding.UTF8.GetBytes($"{file.FullPath}\n{file.DisplayPath}\n{languages?.Default}\n{others}\n{file.Text.Length}\n"));
        hash.AppendData(Encoding.UTF8.GetBytes(file.Text));
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The event the last build parsed with this key, kept for the next build; null when there is none.</summary>
    public TimelineEvent? Find(string key)
    {
        if (!_previous.TryGetValue(key, out var bytes))
        {
            return null;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize(bytes.Span, Json.TimelineEvent);
            if (parsed is not null)
            {
                _next[key] = bytes;
                Interlocked.Increment(ref _reused);
            }

            return parsed;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Keeps an event parsed without a word of warning, for the next build.</summary>
    public void Keep(string key, TimelineEvent parsed)
    {
        _next[key] = JsonSerializer.SerializeToUtf8Bytes(parsed, Json.TimelineEvent);
        _changed = true;
    }

    // Whether an event was parsed and kept: a new file, an edited one, or one whose entry did not read back.
    private volatile bool _changed;

    /// <summary>Replaces the record with what this build parsed or found, when that differs from what was read.</summary>
    public void Save()
    {
        // Nothing new, and every entry read was used: the record is already this build's.
        if (!_changed && _next.Count == _previous.Count)
        {
            return;
        }

        CacheFile.Replace(_cacheFolder, FileName, stream => Write(stream, _next.OrderBy(p => p.Key, StringComparer.Ordinal).ToList()));
    }

    /// <summary>The layout and the number of entries, then each entry: its key (64 hex digits), the length of its JSON and the JSON.</summary>
    internal static void Write(Stream stream, IReadOnlyCollection<KeyValuePair<string, ReadOnlyMemory<byte>>> entries)
    {
        stream.Write(Layout);
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(number, entries.Count);
        stream.Write(number);
        foreach (var (key, json) in entries)
        {
            stream.Write(Encoding.ASCII.GetBytes(key));
            BinaryPrimitives.WriteInt32LittleEndian(number, json.Length);
            stream.Write(number);
            stream.Write(json.Span);
        }
    }

    /// <summary>The entries of a record; none when it is of another layout, cut short or too long.</summary>
    internal static Dictionary<string, ReadOnlyMemory<byte>> Entries(byte[] bytes)
    {
        const int KeyLength = 64;
        if (!bytes.AsSpan().StartsWith(Layout) || bytes.Length < Layout.Length + 4)
        {
            return [];
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(Layout.Length, 4));
        var entries = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        var at = Layout.Length + 4;
        for (var i = 0; i < count; i++)
        {
            if (bytes.Length - at < KeyLength + 4)
            {
                return [];
            }

            var key = Encoding.ASCII.GetString(bytes, at, KeyLength);
            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + KeyLength, 4));
            at += KeyLength + 4;
            if (length < 0 || length > bytes.Length - at)
            {
                return [];
            }

            entries[key] = bytes.AsMemory(at, length);
            at += length;
        }

        return at == bytes.Length ? entries : [];
    }

    /// <summary>A partial date as it is written in a record ("1988", "1988-07", "1988-07-19").</summary>
    internal sealed class PartialDates : JsonConverter<PartialDate>
    {
        public override PartialDate Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) =>
            PartialDate.Parse(reader.GetString() ?? "") is { Success: true } parsed ? parsed.Date : throw new JsonException("not a date");

        public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}

/// <summary>The JSON of a parsed event, made at compile time: reflection over 10,000 records took twice as long.</summary>
[JsonSourceGenerationOptions(Converters = [typeof(ParsedEventCache.PartialDates)], RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(TimelineEvent))]
internal sealed partial class ParsedEventJson : JsonSerializerContext;

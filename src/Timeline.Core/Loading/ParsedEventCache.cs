using System.Globalization;
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

    private readonly KeyedRecord _record;
    private int _reused;

    private ParsedEventCache(KeyedRecord record)
    {
        _record = record;
    }

    /// <summary>How many events were taken from the cache.</summary>
    public int Reused => _reused;

    /// <summary>The cache in <paramref name="cacheFolder"/>, with what the last build recorded there when the folder is the build's own.</summary>
    public static ParsedEventCache Open(string cacheFolder) => new(KeyedRecord.Open(cacheFolder, FileName, Layout));

    /// <summary>The key of a file's parse with the site's languages.</summary>
    public string Key(InputFile file, SiteLanguages? languages)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(KeyedRecord.Salt);
        var others = languages is null ? "" : string.Join(' ', languages.Others);
        hash.AppendData(Encoding.UTF8.GetBytes($"{file.FullPath}\n{file.DisplayPath}\n{languages?.Default}\n{others}\n{file.Text.Length}\n"));
        hash.AppendData(Encoding.UTF8.GetBytes(file.Text));
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>
    /// What an event record was made from: its parse's key (its file's text and paths, the site's languages, the
    /// generator's code) and the dates of its file's git history.
    /// </summary>
    public static byte[] Digest(string key, (DateOnly First, DateOnly Last)? history) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{key}\n{history?.First.DayNumber}\n{history?.Last.DayNumber}\n")));

    /// <summary>The event the last build parsed with this key, kept for the next build; null when there is none.</summary>
    public TimelineEvent? Find(string key)
    {
        if (!_record.TryGet(key, out var bytes))
        {
            return null;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize(bytes.Span, Json.TimelineEvent);
            if (parsed is not null)
            {
                _record.Use(key, bytes);
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
    public void Keep(string key, TimelineEvent parsed) => _record.Keep(key, JsonSerializer.SerializeToUtf8Bytes(parsed, Json.TimelineEvent));

    /// <summary>Replaces the record with what this build parsed or found, when that differs from what was read.</summary>
    public void Save() => _record.Save();

    /// <summary>The record's entries in <see cref="KeyedRecord"/>'s layout.</summary>
    internal static void Write(Stream stream, IReadOnlyCollection<KeyValuePair<string, ReadOnlyMemory<byte>>> entries) => KeyedRecord.Write(stream, Layout, entries);

    /// <summary>The entries of a record; none when it is of another layout, cut short or too long.</summary>
    internal static Dictionary<string, ReadOnlyMemory<byte>> Entries(byte[] bytes) => KeyedRecord.Read(bytes, Layout);

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

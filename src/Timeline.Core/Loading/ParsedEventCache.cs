using System.Globalization;
using System.Text;
using Timeline.Dates;
using Timeline.Input;
using Timeline.Model;
using Timeline.Output;

namespace Timeline.Loading;

/// <summary>
/// Event files as the last build parsed them, so that a build parses again only the files whose text changed: YAML
/// parsing was most of the read step (a second of two cores' time at 10,000 events), reading a parsed record back
/// (see <see cref="ParsedEventFormat"/>) a tenth of that. An entry is keyed by a hash of everything the parse reads
/// (the file's text, its paths, the site's languages) and of the generator's code; only a parse that reported nothing
/// is kept, so a file with an error is parsed, and reported, on every build. The record (events.bin in the cache
/// folder) is read only from the build's own cache folder; a damaged record reads as empty, and an entry that does not
/// read back whole (cut short, text that is not UTF-8, a date that does not exist) is parsed again: the cache only
/// saves time.
/// </summary>
internal sealed class ParsedEventCache
{
    private const string FileName = "events.bin";

    // Changes with the layout of the file; the code's own version is in every key.
    private static readonly byte[] Layout = "timeline-events-3\n"u8.ToArray();

    private readonly KeyedRecord _record;
    private int _reused;

    private ParsedEventCache(KeyedRecord record)
    {
        _record = record;
    }

    /// <summary>How many events were taken from the cache.</summary>
    public int Reused => _reused;

    /// <summary>How many of those were taken by their files' stamps, without reading the files.</summary>
    public int Unread => _unread;

    private int _unread;

    /// <summary>The cache in <paramref name="cacheFolder"/>, with what the last build recorded there when the folder is the build's own.</summary>
    public static ParsedEventCache Open(string cacheFolder) => new(KeyedRecord.Open(cacheFolder, FileName, Layout));

    /// <summary>The key of a file's parse with the site's languages.</summary>
    public string Key(InputFile file, SiteLanguages? languages)
    {
        var others = languages is null ? "" : string.Join(' ', languages.Others);
        using var hash = HashInput.Start();
        return hash.Add(KeyedRecord.Salt).Add($"{file.FullPath}\n{file.DisplayPath}\n{languages?.Default}\n{others}\n{file.Text.Length}\n").Add(file.Text).Hex();
    }

    /// <summary>
    /// What an event record was made from: its parse's key (its file's text and paths, the site's languages, the
    /// generator's code) and the dates of its file's git history.
    /// </summary>
    public static byte[] Digest(string key, (DateOnly First, DateOnly Last)? history) =>
        HashInput.Of(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{key}\n{history?.First.DayNumber}\n{history?.Last.DayNumber}\n")));

    /// <summary>The event the last build parsed with this key, kept for the next build; null when there is none.</summary>
    public TimelineEvent? Find(string key)
    {
        if (!_record.TryGet(key, out var bytes))
        {
            return null;
        }

        try
        {
            var parsed = ParsedEventFormat.Read(bytes.Span);
            _record.Use(key, bytes);
            Interlocked.Increment(ref _reused);
            return parsed;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// The event parsed from a file whose stamp is the one recorded with it (see <see cref="KeepStamp"/>), at the same
    /// paths and with the same languages, and the key of that parse; null when none is recorded, so the file is read.
    /// </summary>
    public (TimelineEvent Event, string Key)? FindUnchanged(string fullPath, string displayPath, SiteLanguages? languages, FileChangeStamp stamp)
    {
        var stampKey = StampKey(fullPath, displayPath, languages, stamp);
        if (!_record.TryGet(stampKey, out var bytes) || bytes.Length != KeyedRecord.KeyLength)
        {
            return null;
        }

        var key = Encoding.ASCII.GetString(bytes.Span);
        if (Find(key) is not { } parsed)
        {
            return null;
        }

        _record.Use(stampKey, bytes);
        Interlocked.Increment(ref _unread);
        return (parsed, key);
    }

    /// <summary>
    /// Records that the file with <paramref name="stamp"/> holds the text parsed under <paramref name="key"/>, so that
    /// the next build need not read it while its stamp is the same; only when the file last changed before
    /// <paramref name="settledBefore"/> (nanoseconds since 1970): a file changed again within the clock's granularity
    /// of its stamp could keep the stamp with another text, as git's "racily clean" entries can.
    /// </summary>
    public void KeepStamp(string fullPath, string displayPath, SiteLanguages? languages, FileChangeStamp stamp, string key, long settledBefore)
    {
        if (stamp.ChangedNanoseconds < settledBefore && stamp.ModifiedNanoseconds < settledBefore)
        {
            _record.Keep(StampKey(fullPath, displayPath, languages, stamp), Encoding.ASCII.GetBytes(key));
        }
    }

    // A stamp's entry, apart from parses' keys by what it starts with; the parse's key says the rest.
    private static string StampKey(string fullPath, string displayPath, SiteLanguages? languages, FileChangeStamp stamp)
    {
        var others = languages is null ? "" : string.Join(' ', languages.Others);
        var text = string.Create(CultureInfo.InvariantCulture, $"stamp\n{fullPath}\n{displayPath}\n{languages?.Default}\n{others}\n{stamp.Size} {stamp.ModifiedNanoseconds} {stamp.ChangedNanoseconds} {stamp.Inode}\n");
        using var hash = HashInput.Start();
        return hash.Add(KeyedRecord.Salt).Add(text).Hex();
    }

    /// <summary>Keeps an event parsed without a word of warning, for the next build.</summary>
    public void Keep(string key, TimelineEvent parsed) => _record.Keep(key, ParsedEventFormat.Write(parsed));

    /// <summary>Starts replacing the record with what this build parsed or found, when that differs from what was read (see <see cref="Flush"/>).</summary>
    public void Save() => _record.Save();

    /// <summary>Waits for the record <see cref="Save"/> is writing, and puts it in place.</summary>
    public void Flush() => _record.Flush();

    /// <summary>The record's entries in <see cref="KeyedRecord"/>'s layout.</summary>
    internal static void Write(Stream stream, IReadOnlyCollection<KeyValuePair<string, ReadOnlyMemory<byte>>> entries) => KeyedRecord.Write(stream, Layout, entries);

    /// <summary>The entries of a record; none when it is of another layout, cut short or too long.</summary>
    internal static Dictionary<string, ReadOnlyMemory<byte>> Entries(byte[] bytes) => KeyedRecord.Read(bytes, Layout);
}

using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;

namespace Timeline.Output;

/// <summary>
/// A cache record of entries keyed by a hash of everything that made them (events.bin, documents.bin): what the last
/// build recorded, and what this build used or made, which replaces it at the end. An entry is only ever taken by its
/// key, so a key must hash all that made the entry, the generator's code among it (<see cref="Salt"/>). The file holds
/// the record's layout line and the number of entries, then each entry: its key (32 hex digits, see
/// <see cref="Model.HashInput"/>), the length of its bytes and the bytes. A record of another layout, cut short or too long reads as empty: the cache only saves time.
/// </summary>
internal sealed class KeyedRecord
{
    /// <summary>The length of a key: a <see cref="Model.HashInput"/> hash in hexadecimal.</summary>
    public const int KeyLength = 32;

    private readonly string _cacheFolder;
    private readonly string _fileName;
    private readonly byte[] _layout;
    private Task<Dictionary<string, ReadOnlyMemory<byte>>> _previous;
    private readonly ConcurrentDictionary<string, ReadOnlyMemory<byte>> _next = new(StringComparer.Ordinal);

    // Whether an entry was made: the record then differs from the one read.
    private volatile bool _changed;

    // The record being written by the last Save, until Flush puts it in place.
    private CacheFile.Pending? _saving;

    private KeyedRecord(string cacheFolder, string fileName, byte[] layout, Task<Dictionary<string, ReadOnlyMemory<byte>>> previous)
    {
        _cacheFolder = cacheFolder;
        _fileName = fileName;
        _layout = layout;
        _previous = previous;
    }

    // What the last build recorded, once read.
    private Dictionary<string, ReadOnlyMemory<byte>> Previous => _previous.GetAwaiter().GetResult();

    /// <summary>The generator's own version, for every key: a record another build of the code made is of no use.</summary>
    public static byte[] Salt { get; } = Encoding.UTF8.GetBytes($"{typeof(KeyedRecord).Assembly.ManifestModule.ModuleVersionId}\n");

    /// <summary>
    /// The record <paramref name="fileName"/> in <paramref name="cacheFolder"/>, as the last build left it when the folder
    /// is the build's own. It is read on another thread (30 MB at 10,000 events), and waited for when first asked.
    /// </summary>
    public static KeyedRecord Open(string cacheFolder, string fileName, byte[] layout) =>
        new(cacheFolder, fileName, layout, Task.Run(() => CacheFile.Read(cacheFolder, fileName) is { } bytes ? Read(bytes, layout) : []));

    /// <summary>The last build's entry for <paramref name="key"/>; it is kept for the next build only if <see cref="Use"/>d.</summary>
    public bool TryGet(string key, out ReadOnlyMemory<byte> bytes) => Previous.TryGetValue(key, out bytes);

    /// <summary>Keeps the last build's entry, which read back whole, for the next build.</summary>
    public void Use(string key, ReadOnlyMemory<byte> bytes) => _next[key] = bytes;

    /// <summary>Keeps an entry this build made, for the next build.</summary>
    public void Keep(string key, ReadOnlyMemory<byte> bytes)
    {
        _next[key] = bytes;
        _changed = true;
    }

    /// <summary>
    /// Starts replacing the record with what this build used and made, when that differs from what was read, on another
    /// thread while the build goes on; <see cref="Flush"/> waits for it. Its entries are keyed by what made them, so
    /// the record is right whether or not the rest of the build succeeds. A build saves a record once, when it is done
    /// with it: the record then lets go of its entries, which only the writing holds until they are written (at
    /// 100,000 events the two records are 470 MB, held otherwise until the build ends, where its memory peaks).
    /// </summary>
    public void Save()
    {
        Flush();

        // Nothing new, and every entry read was used: the record is already this build's.
        if (!_changed && _next.Count == Previous.Count)
        {
            LetGo();
            return;
        }

        var entries = _next.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        LetGo();
        _saving = CacheFile.WriteAside(_cacheFolder, _fileName, stream => Write(stream, _layout, entries));
    }

    private void LetGo()
    {
        _next.Clear();
        _changed = false;
        _previous = Task.FromResult(new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal));
    }

    /// <summary>Waits for the record <see cref="Save"/> started, and puts it in place of the last one.</summary>
    public void Flush()
    {
        var saving = Interlocked.Exchange(ref _saving, null);
        saving?.Keep();
    }

    /// <summary>Writes <paramref name="entries"/> after <paramref name="layout"/>, in the order given.</summary>
    internal static void Write(Stream stream, ReadOnlySpan<byte> layout, IReadOnlyCollection<KeyValuePair<string, ReadOnlyMemory<byte>>> entries)
    {
        stream.Write(layout);
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(number, entries.Count);
        stream.Write(number);
        foreach (var (key, bytes) in entries)
        {
            stream.Write(Encoding.ASCII.GetBytes(key));
            BinaryPrimitives.WriteInt32LittleEndian(number, bytes.Length);
            stream.Write(number);
            stream.Write(bytes.Span);
        }
    }

    /// <summary>The entries of a record, each a slice of <paramref name="bytes"/>; none when it is of another layout, cut short or too long.</summary>
    internal static Dictionary<string, ReadOnlyMemory<byte>> Read(byte[] bytes, ReadOnlySpan<byte> layout)
    {
        if (!bytes.AsSpan().StartsWith(layout) || bytes.Length < layout.Length + 4)
        {
            return [];
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(layout.Length, 4));
        var entries = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        var at = layout.Length + 4;
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
}

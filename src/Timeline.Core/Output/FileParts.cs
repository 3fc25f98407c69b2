using Microsoft.Win32.SafeHandles;

namespace Timeline.Output;

/// <summary>Where one part of a file lies in it: its key, its first byte and its length.</summary>
internal readonly record struct FilePart(string Key, long Offset, int Length);

/// <summary>
/// The parts of a large file made of one part per event or source (a feed, a data file), and what the last build wrote
/// of them: a part whose key is the one it had then is copied from the last build's file instead of being made again.
/// An event's title edit changes one part of each such file; at 10,000 events, making all of them took a third of the
/// render step. The keys are made by the renderer from the records a part shows; the file is always
/// written whole, so it is a clean build's bytes whichever parts were copied.
/// </summary>
internal sealed class FileParts : IDisposable
{
    private readonly Func<int, string>? _key;
    private readonly SafeFileHandle? _last;
    private readonly Dictionary<string, FilePart> _lastParts;
    private readonly List<FilePart>? _written;
    // What was last read of the last build's file: parts are taken mostly in the order they lie in, so reading ahead
    // a window at a time makes 30,000 parts of a large site a few hundred reads instead of one each.
    private const int Window = 256 * 1024;
    private byte[] _buffer = [];
    private long _bufferStart;
    private int _bufferLength;
    private int _taken;

    private FileParts(Func<int, string>? key, SafeFileHandle? last, Dictionary<string, FilePart> lastParts)
    {
        _key = key;
        _last = last;
        _lastParts = lastParts;
        _written = key is null ? null : [];
    }

    /// <summary>Nothing to take and nothing to record: every part is made (serve, check, a build without a page cache).</summary>
    public static FileParts None { get; } = new(null, null, []);

    /// <summary>
    /// Parts keyed by <paramref name="key"/> (an item's number in its list: an event's position in the timeline, a
    /// source's in the site's list), read when taken from <paramref name="last"/>, the last build's file, of
    /// <paramref name="length"/> bytes, as <paramref name="lastParts"/> places them. The file is read part by part, not
    /// whole: a large site's feed is tens of megabytes, which held whole cost the build collections of its whole memory.
    /// </summary>
    public static FileParts Keyed(Func<int, string> key, SafeFileHandle? last = null, long length = 0, IReadOnlyList<FilePart>? lastParts = null)
    {
        var parts = new Dictionary<string, FilePart>(StringComparer.Ordinal);
        foreach (var part in last is null ? [] : lastParts ?? [])
        {
            // A record that does not fit the file it describes is not used.
            if (part.Offset < 0 || part.Length < 0 || part.Offset + part.Length > length)
            {
                parts.Clear();
                break;
            }

            parts[part.Key] = part;
        }

        return new FileParts(key, last, parts);
    }

    /// <summary>The key of item <paramref name="item"/>, or null when parts are not keyed.</summary>
    public string? Key(int item) => _key?.Invoke(item);

    /// <summary>Whether the last build wrote a part with this key (not counted as taken).</summary>
    public bool Has(string? key) => key is not null && _lastParts.ContainsKey(key);

    /// <summary>The part with this key as the last build wrote it, when it wrote one.</summary>
    /// <remarks>The part's bytes are valid until the next call.</remarks>
    public bool TryTake(string? key, out ReadOnlySpan<byte> part)
    {
        part = default;
        if (key is null || _last is null || !_lastParts.TryGetValue(key, out var found))
        {
            return false;
        }

        try
        {
            if (found.Offset < _bufferStart || found.Offset + found.Length > _bufferStart + _bufferLength)
            {
                if (_buffer.Length < Math.Max(found.Length, Window))
                {
                    _buffer = new byte[Math.Max(found.Length, Window)];
                }

                // As much as the buffer holds from the part on; the file's end may come first.
                var read = 0;
                while (read < _buffer.Length && RandomAccess.Read(_last, _buffer.AsSpan(read), found.Offset + read) is var n and > 0)
                {
                    read += n;
                }

                (_bufferStart, _bufferLength) = (found.Offset, read);
                if (read < found.Length)
                {
                    return false;
                }
            }

            part = _buffer.AsSpan((int)(found.Offset - _bufferStart), found.Length);
            _taken++;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file that cannot be read: the part is made again.
            return false;
        }
    }

    /// <summary>Notes where a part with this key was written in the new file; nothing is noted for a part without a key.</summary>
    public void Wrote(string? key, long offset, int length)
    {
        if (key is not null)
        {
            _written?.Add(new FilePart(key, offset, length));
        }
    }

    /// <summary>How many parts were copied from the last build's file.</summary>
    public int Taken => _taken;

    /// <summary>Where this build wrote each keyed part, in file order; null when parts are not keyed.</summary>
    public IReadOnlyList<FilePart>? Written => _written;

    public void Dispose() => _last?.Dispose();
}

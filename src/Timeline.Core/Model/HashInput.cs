using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace Timeline.Model;

/// <summary>
/// The bytes of one cache key, gathered in a buffer its thread uses again and hashed at once with XxHash128. Keys only
/// tell a build whether what it made last time from the same inputs can be used again, in a cache folder of its own:
/// they need to be collision-free by chance, not against an attacker, who could as well change the input itself.
/// SHA-256 through OpenSSL cost about 1.5 microseconds a call before any byte was hashed, and a build after one edit
/// makes about 13,000 keys (docs/benchmarks.md). Start one in a using: a key gathered while another is (an event's own
/// hash inside its page's key) gets a buffer of its own.
/// </summary>
internal sealed class HashInput : IDisposable
{
    // A buffer that grew past this (the key of a list of every event) is let go rather than kept for the next key.
    private const int KeptCapacity = 1 << 20;

    [ThreadStatic]
    private static HashInput? t_free;

    private readonly ArrayBufferWriter<byte> _bytes = new(1024);

    private HashInput()
    {
    }

    /// <summary>An empty input, this thread's free one when it has one.</summary>
    public static HashInput Start()
    {
        var input = t_free ?? new HashInput();
        t_free = null;
        input._bytes.ResetWrittenCount();
        return input;
    }

    public HashInput Add(ReadOnlySpan<byte> bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    /// <summary>Adds a text as UTF-8.</summary>
    public HashInput Add(string text)
    {
        Encoding.UTF8.GetBytes(text, _bytes);
        return this;
    }

    public byte[] Hash() => Of(_bytes.WrittenSpan);

    /// <summary>The key hash of <paramref name="bytes"/>: 16 bytes.</summary>
    public static byte[] Of(ReadOnlySpan<byte> bytes) => XxHash128.Hash(bytes);

    /// <summary>The hash in upper-case hexadecimal, as keys are written.</summary>
    public string Hex() => Convert.ToHexString(Hash());

    /// <summary>The hash in lower-case hexadecimal.</summary>
    public string HexLower() => Convert.ToHexStringLower(Hash());

    public void Dispose()
    {
        if (_bytes.Capacity <= KeptCapacity)
        {
            t_free = this;
        }
    }
}

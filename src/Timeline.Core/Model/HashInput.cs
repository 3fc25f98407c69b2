using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Timeline.Model;

/// <summary>
/// The bytes of one SHA-256 key, gathered in a buffer its thread uses again and hashed at once: the same hash as an
/// IncrementalHash fed the same bytes, without one. An IncrementalHash is an OpenSSL context with a finalizer, and one
/// made for each of the 50,000 keys of a build cost more than the hashing. Start one in a using: a key gathered while
/// another is (an event's own hash inside its page's key) gets a buffer of its own.
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

    public byte[] Hash() => SHA256.HashData(_bytes.WrittenSpan);

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

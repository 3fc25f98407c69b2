using System.Globalization;
using System.Text;

namespace Timeline.Rendering;

/// <summary>
/// A thread's reused place to render a page into and encode it as UTF-8. A build renders tens of thousands of pages;
/// making each one's text as a string, then its layout as another, then its bytes, was about half of the memory a
/// build allocated, and most of what kept the collector busy.
/// </summary>
internal sealed class PageBuffer
{
    // A buffer grown past this by one very large page (the index of a large site) is let go rather than kept for
    // the next page, so each thread holds at most a few megabytes between pages.
    private const int KeptChars = 1 << 20;

    [ThreadStatic]
    private static PageBuffer? t_buffer;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Encoder _encoder = Utf8.GetEncoder();
    private StringWriter _writer = NewWriter();
    private byte[] _bytes = [];

    public static PageBuffer ForThisThread() => t_buffer ??= new PageBuffer();

    /// <summary>An empty writer for the next page.</summary>
    public StringWriter Start()
    {
        if (_writer.GetStringBuilder().Capacity > KeptChars)
        {
            _writer = NewWriter();
        }
        else
        {
            _writer.GetStringBuilder().Clear();
        }

        if (_bytes.Length > 3 * KeptChars)
        {
            _bytes = [];
        }

        return _writer;
    }

    /// <summary>The page written since <see cref="Start"/>, in UTF-8 with no byte order mark; valid until the next start.</summary>
    public ReadOnlySpan<byte> Encode()
    {
        // Counted first, so that a large page takes an array of its size rather than of three bytes per character.
        // Each chunk is counted on its own, which counts a character split between two chunks as two replacement
        // characters (six bytes for its four): enough room, never too little. An encoder's count would not do: it
        // does not carry the first half over to the next chunk.
        var text = _writer.GetStringBuilder();
        var most = 0;
        foreach (var chunk in text.GetChunks())
        {
            most += Utf8.GetByteCount(chunk.Span);
        }

        Reserve(most);
        _encoder.Reset();
        var length = 0;
        var whole = true;
        foreach (var chunk in text.GetChunks())
        {
            _encoder.Convert(chunk.Span, _bytes.AsSpan(length), flush: false, out var read, out var used, out _);
            length += used;
            whole &= read == chunk.Length;
        }

        _encoder.Convert([], _bytes.AsSpan(length), flush: true, out _, out var last, out var completed);
        if (!whole || !completed)
        {
            throw new InvalidOperationException("A page's bytes did not fit the room counted for them.");
        }

        return _bytes.AsSpan(0, length + last);
    }

    /// <summary>Makes room for <paramref name="size"/> bytes.</summary>
    private void Reserve(int size)
    {
        if (_bytes.Length < size)
        {
            _bytes = new byte[Math.Max(size, 64 * 1024)];
        }
    }

    private static StringWriter NewWriter() => new(new StringBuilder(16 * 1024), CultureInfo.InvariantCulture);
}

using System.Buffers;
using System.Globalization;
using System.Text;

namespace Timeline.PostProcess;

/// <summary>
/// One file of the site and how to write it. Nothing is rendered until it is written: a build writes every file once,
/// straight into a reused buffer, and `timeline serve` renders only the pages a browser asks for.
/// </summary>
/// <param name="Path">The file's path inside the output folder, with '/'.</param>
/// <param name="Write">Writes the file's text; the writer is a <see cref="StringWriter"/>, which a failed page is cut back on.</param>
public sealed record PageJob(string Path, Action<StringWriter> Write)
{
    /// <summary>
    /// When set, writes the file's UTF-8 bytes itself, and is used instead of <see cref="Write"/>: for large data files
    /// (events.json of a large site is tens of megabytes) that are bytes already, with no text to pass through.
    /// </summary>
    public Action<IBufferWriter<byte>>? WriteUtf8 { get; init; }

    /// <summary>A file written as UTF-8 bytes (see <see cref="WriteUtf8"/>).</summary>
    public static PageJob Utf8(string path, Action<IBufferWriter<byte>> write) =>
        new(path, text => text.Write(Encoding.UTF8.GetString(ToArray(write)))) { WriteUtf8 = write };

    /// <summary>The file's text as one string, for a caller that keeps it (serve, tests).</summary>
    public string Render()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer);
        return writer.ToString();
    }

    /// <summary>The file's bytes, as a build writes them.</summary>
    public byte[] ToBytes() => WriteUtf8 is { } write ? ToArray(write) : Encoding.UTF8.GetBytes(Render());

    private static byte[] ToArray(Action<IBufferWriter<byte>> write)
    {
        var bytes = new ArrayBufferWriter<byte>();
        write(bytes);
        return bytes.WrittenSpan.ToArray();
    }
}

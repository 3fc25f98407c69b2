using System.Globalization;
using System.Text;
using Timeline.Output;

namespace Timeline.Rendering;

/// <summary>
/// One file of the site and how to write it. Nothing is rendered until it is written: a build writes every file once,
/// straight into a reused buffer, and `timeline serve` renders only the pages a browser asks for.
/// </summary>
/// <param name="Path">The file's path inside the output folder, with '/'.</param>
/// <param name="Write">Writes the file's text; the writer is a <see cref="StringWriter"/>, which a failed page is cut back on.</param>
internal sealed record PageJob(string Path, Action<StringWriter> Write)
{
    /// <summary>
    /// When set, writes the file's bytes itself into a stream, and is used instead of <see cref="Write"/>: for large data
    /// files (events.json and the feed of a large site are tens of megabytes) that a build writes straight to disk.
    /// </summary>
    public Action<Stream>? WriteBytes { get; init; }

    /// <summary>
    /// When set (a build with a page cache), the page's key made from the records it shows (see <see cref="PageInputs"/>),
    /// known before anything is rendered: a page whose key is unchanged is taken from the last build without even its
    /// views being made. Without it, a page is keyed by its views as it renders (see <see cref="PageCache.Key"/>).
    /// </summary>
    public Func<string>? Inputs { get; init; }

    /// <summary>
    /// When set (with <see cref="WriteBytes"/>), writes the file from parts (see <see cref="FileParts"/>), copying those
    /// the last build wrote with the same key; <see cref="PartKey"/> names each part's key.
    /// </summary>
    public Action<Stream, FileParts>? WriteParts { get; init; }

    /// <summary>The key of each part of a file written by <see cref="WriteParts"/> (a build with a page cache); none without.</summary>
    public Func<int, string>? PartKey { get; init; }

    /// <summary>A file written as bytes into a stream (see <see cref="WriteBytes"/>).</summary>
    public static PageJob Bytes(string path, Action<Stream> write) =>
        new(path, text => text.Write(Encoding.UTF8.GetString(ToArray(write)))) { WriteBytes = write };

    /// <summary>A file made of parts (see <see cref="WriteParts"/>), keyed when <paramref name="key"/> is given; written whole, with no part taken, by whoever does not key them.</summary>
    public static PageJob Parts(string path, Action<Stream, FileParts> write, Func<int, string>? key) =>
        Bytes(path, stream => write(stream, FileParts.None)) with { WriteParts = write, PartKey = key };

    /// <summary>The file's text as one string, for a caller that keeps it (serve, tests).</summary>
    public string Render()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer);
        return writer.ToString();
    }

    /// <summary>The file's bytes, as a build writes them.</summary>
    public byte[] ToBytes() => WriteBytes is { } write ? ToArray(write) : Encoding.UTF8.GetBytes(Render());

    private static byte[] ToArray(Action<Stream> write)
    {
        using var bytes = new MemoryStream();
        write(bytes);
        return bytes.ToArray();
    }
}

/// <summary>Where a build's pages go as they are made (see <see cref="SiteRenderer.Render"/>).</summary>
internal interface IPageOutput
{
    /// <summary>A page rendered now; its bytes are valid only during the call. <paramref name="key"/> is the one to record it under, when it has one.</summary>
    void Rendered(string path, ReadOnlySpan<byte> content, string? key);

    /// <summary>
    /// A large file (a feed, a data file) written by handing its writer a stream, never held whole; when made of keyed
    /// <paramref name="parts"/>, what was written of them is recorded once the file is.
    /// </summary>
    void Streamed(string path, Action<Stream> write, FileParts? parts = null);

    /// <summary>A page the last build wrote with the same key, taken as it is (see <see cref="PageCache.TryKeep"/>).</summary>
    void Kept(string path, PageRecord record);
}

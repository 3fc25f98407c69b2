namespace Timeline.Model;

/// <summary>A file of the built site: its path inside the output folder (with '/') and its bytes.</summary>
internal sealed record OutputFile(string Path, byte[] Content)
{
    public bool IsHtml => IsHtmlPath(Path);

    public static bool IsHtmlPath(string path) => path.EndsWith(".html", StringComparison.Ordinal);
}

/// <summary>Takes a page's bytes as it is made; they are valid only during the call.</summary>
internal delegate void PageSink(string path, ReadOnlySpan<byte> content);

/// <summary>Writes a large file (a feed, a data file) by handing its writer a stream, such as the file's own.</summary>
internal delegate void StreamSink(string path, Action<Stream> write);

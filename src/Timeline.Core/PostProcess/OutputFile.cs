namespace Timeline.PostProcess;

/// <summary>A file of the built site: its path inside the output folder (with '/') and its bytes.</summary>
public sealed record OutputFile(string Path, byte[] Content)
{
    public static OutputFile Html(string path, string html) => new(path, System.Text.Encoding.UTF8.GetBytes(html));

    public bool IsHtml => Path.EndsWith(".html", StringComparison.Ordinal);
}

namespace Timeline.PostProcess;

/// <summary>A file of the built site: its path inside the output folder (with '/') and its bytes.</summary>
public sealed record OutputFile(string Path, byte[] Content)
{
    /// <summary>A text file of the site (HTML, JSON, BibTeX), in UTF-8 with no byte order mark.</summary>
    public static OutputFile Text(string path, string text) => new(path, System.Text.Encoding.UTF8.GetBytes(text));

    public bool IsHtml => IsHtmlPath(Path);

    public static bool IsHtmlPath(string path) => path.EndsWith(".html", StringComparison.Ordinal);
}

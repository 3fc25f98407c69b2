namespace Timeline.Model;

/// <summary>A file of the built site: its path inside the output folder (with '/') and its bytes.</summary>
internal sealed record OutputFile(string Path, byte[] Content)
{
    public bool IsHtml => IsHtmlPath(Path);

    public static bool IsHtmlPath(string path) => path.EndsWith(".html", StringComparison.Ordinal);
}

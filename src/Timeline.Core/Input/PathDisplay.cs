namespace Timeline.Input;

/// <summary>Shows paths in messages relative to a root (the current folder, or a test site), with forward slashes.</summary>
public sealed record PathDisplay(string Root)
{
    public string Show(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Path.GetFullPath(Root), full);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
        return shown.Replace('\\', '/');
    }
}

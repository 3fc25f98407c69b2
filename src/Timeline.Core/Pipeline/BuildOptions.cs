namespace Timeline.Pipeline;

/// <summary>What to build and where. DisplayRoot is the folder paths in messages are shown relative to.</summary>
public sealed record BuildOptions(string InputFolder, string ThemeFolder, string OutputFolder, string? BaseUrl, string DisplayRoot)
{
    /// <summary>The defaults of the command line: input, theme and output in the current folder.</summary>
    public static BuildOptions InFolder(string folder) => new(
        Path.Combine(folder, "input"),
        Path.Combine(folder, "theme"),
        Path.Combine(folder, "output"),
        null,
        folder);
}

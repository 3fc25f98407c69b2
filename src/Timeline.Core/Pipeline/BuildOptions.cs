using Timeline.Input;

namespace Timeline.Pipeline;

/// <summary>What to build and where. DisplayRoot is the folder paths in messages are shown relative to.</summary>
public sealed record BuildOptions(string InputFolder, string ThemeFolder, string OutputFolder, string? BaseUrl, string DisplayRoot)
{
    /// <summary>
    /// The folder whose node_modules/ holds the build's npm tools (Pagefind, the fonts of share images).
    /// Null means: look upwards from the theme, then the input, then the current folder (see <see cref="BuildTools"/>).
    /// </summary>
    public string? ToolsFolder { get; init; }

    /// <summary>Told each phase as it starts, such as "Rendering 120 pages", so that a terminal can show how a long build goes.</summary>
    public IProgress<string>? Progress { get; init; }

    /// <summary>
    /// Where share images already drawn are kept between builds: by default .timeline-cache/ beside the input folder.
    /// It is never part of the output and may be deleted at any time.
    /// </summary>
    public string CacheFolder
    {
        get => _cacheFolder ?? Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(InputFolder))) ?? ".", ".timeline-cache");
        init => _cacheFolder = value;
    }

    private readonly string? _cacheFolder;

    /// <summary>The npm tools this build uses: in <see cref="ToolsFolder"/>, or above the theme, the input or the current folder.</summary>
    public BuildTools LocateTools() => BuildTools.Locate(ToolsFolder, ThemeFolder, InputFolder, Directory.GetCurrentDirectory());

    /// <summary>The defaults of the command line: input, theme and output in the current folder.</summary>
    public static BuildOptions InFolder(string folder) => new(
        Path.Combine(folder, "input"),
        Path.Combine(folder, "theme"),
        Path.Combine(folder, "output"),
        null,
        folder);
}

namespace Timeline.Input;

/// <summary>
/// Finds the npm packages the build uses (installed by `npm ci` next to the project, never downloaded by the build).
/// A theme copied elsewhere still finds them through the build's tools folder (--tools).
/// </summary>
public sealed class BuildTools
{
    private BuildTools(string? nodeModules) => NodeModules = nodeModules;

    /// <summary>The node_modules folder in use, or null when none was found.</summary>
    public string? NodeModules { get; }

    /// <summary>
    /// The node_modules folder in the given tools folder; or, without one, the nearest one above any of the folders
    /// (the theme, the input, the working folder), in that order.
    /// </summary>
    public static BuildTools Locate(string? toolsFolder, params string[] startFolders)
    {
        if (toolsFolder is { } given)
        {
            var folder = Path.Combine(Path.GetFullPath(given), "node_modules");
            return new BuildTools(Directory.Exists(folder) ? folder : null);
        }

        foreach (var start in startFolders)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "node_modules");
                if (Directory.Exists(candidate))
                {
                    return new BuildTools(candidate);
                }
            }
        }

        return new BuildTools(null);
    }

    /// <summary>The full path of a file inside an npm package (e.g. "pagefind", "lib/runner/bin.cjs"), or null when it is not installed.</summary>
    public string? PackageFile(string package, string relativePath)
    {
        if (NodeModules is null)
        {
            return null;
        }

        var path = Path.Combine(NodeModules, package, relativePath);
        return File.Exists(path) ? path : null;
    }
}

namespace Timeline.Tests.Support;

/// <summary>Finds the repository's folders from the test binaries.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Theme => Path.Combine(Root, "theme");

    public static string Input => Path.Combine(Root, "input");

    /// <summary>Fixture sites are copied beside the test binaries.</summary>
    public static string Sites => Path.Combine(AppContext.BaseDirectory, "Sites");

    /// <summary>The JSON Schemas the published data is checked against, copied beside the test binaries.</summary>
    public static string Schemas => Path.Combine(AppContext.BaseDirectory, "Schemas");

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Timeline.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Timeline.sln not found above the test binaries.");
    }
}

namespace Timeline.Cli.New;

/// <summary>
/// The first line of a file `timeline new` creates, telling an editor's YAML language server which schema describes
/// it: "# yaml-language-server: $schema=../../../schemas/input/event.schema.json". The path is relative to the file,
/// so it names the schemas of the same checkout as the loader that will read the file, works offline and moves with
/// the repository; it is written only when schemas/input/ is found in the input folder or a folder above it.
/// </summary>
internal static class SchemaReference
{
    private const string Folder = "schemas/input";

    /// <summary>The line for a new file at <paramref name="filePath"/>, or null when no schemas/input/ holds the schema.</summary>
    public static string? Line(string filePath, string inputFolder, string schemaFile)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(inputFolder)); folder is not null; folder = folder.Parent)
        {
            var schema = Path.Combine(folder.FullName, Folder, schemaFile);
            if (File.Exists(schema))
            {
                var from = Path.GetDirectoryName(Path.GetFullPath(filePath))!;
                return $"# yaml-language-server: $schema={Path.GetRelativePath(from, schema).Replace('\\', '/')}";
            }
        }

        return null;
    }
}

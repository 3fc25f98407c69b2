using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Timeline.Diagnostics;
using Timeline.Input;

namespace Timeline.Cli.Init;

/// <summary>
/// `timeline init [DIR]`: a new site that builds at once: its records (one example of each), a README for its authors,
/// a .gitignore and the npm packages the build uses. The theme is not copied: a site without a theme/ folder uses the
/// one built into Timeline, so that it gets the theme's fixes with Timeline's; copying it is one step when wanted.
/// </summary>
public static class InitCommand
{
    private const string StarterPrefix = "Timeline.Cli.Init.starter/";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static int Run(string folder, bool force, PathDisplay display, TextWriter output, TextWriter errors)
    {
        var files = Starter();
        var shown = display.Show(folder);
        var kind = FileKinds.Of(folder);
        if (kind is not (EntryKind.Missing or EntryKind.Folder))
        {
            return Program.Usage(errors, Subject.CommandLine, ErrorMessages.InitNotAFolder(shown, FileKinds.Describe(kind)));
        }

        // Never over anything: without --force only into an empty folder, and with it still never over a file.
        if (kind == EntryKind.Folder && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            var taken = files.Keys.Where(path => Exists(Path.Combine(folder, path))).Order(StringComparer.Ordinal).ToList();
            if (!force || taken.Count > 0)
            {
                return Program.Usage(errors, Subject.Folder(shown), force
                    ? ErrorMessages.InitWouldOverwrite(shown, taken.Select(t => display.Show(Path.Combine(folder, t))).ToList())
                    : ErrorMessages.InitFolderNotEmpty(shown));
            }
        }

        try
        {
            foreach (var (path, content) in files)
            {
                var full = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);

                // CreateNew: a file that appeared since the check above is not replaced either.
                using var file = new FileStream(full, FileMode.CreateNew, FileAccess.Write);
                file.Write(content);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Program.Usage(errors, Subject.Folder(shown), ErrorMessages.InitNotWritten(shown, ex.Message));
        }

        output.WriteLine($"Started a site in {shown}/. Next: `npm install` there (search and share-image fonts), then `timeline serve` to see it; its README.md says more.");
        return Program.Success;
    }

    /// <summary>The starter site's files by path: the embedded records and README, and package.json made from Timeline's own.</summary>
    private static SortedDictionary<string, byte[]> Starter()
    {
        var assembly = typeof(InitCommand).Assembly;
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(StarterPrefix, StringComparison.Ordinal)))
        {
            var path = name[StarterPrefix.Length..];
            // An embedded ".gitignore" would be taken for the project's own: it is kept as "gitignore".
            files[path == "gitignore" ? ".gitignore" : path] = Read(assembly, name);
        }

        files["package.json"] = Utf8.GetBytes(PackageJson(Encoding.UTF8.GetString(Read(assembly, "Timeline.Cli.Init.package.json"))));
        return files;
    }

    /// <summary>
    /// The new site's package.json: the packages a build uses, at the versions Timeline is tested with (its own
    /// package.json's dependencies and optionalDependencies; its devDependencies are test tools only).
    /// </summary>
    public static string PackageJson(string timelinePackage)
    {
        var source = JsonNode.Parse(timelinePackage)!.AsObject();
        var site = new JsonObject
        {
            ["private"] = true,
            ["description"] = "What timeline build uses: Pagefind for the search index and the fonts of the share images.",
            ["dependencies"] = source["dependencies"]?.DeepClone() ?? new JsonObject(),
            ["optionalDependencies"] = source["optionalDependencies"]?.DeepClone() ?? new JsonObject(),
        };
        return site.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static bool Exists(string path) => FileKinds.Of(path) != EntryKind.Missing;
}

using Timeline.Diagnostics;

namespace Timeline.Input;

/// <summary>What a file of the input folder holds, by where it is.</summary>
public enum InputKind
{
    Other,
    Site,
    Sources,
    Entities,
    Eras,
    Tags,
    Event,
    Page,
}

/// <summary>One of the files at the top of the input folder; <paramref name="Contents"/> is null when it may be left out.</summary>
public sealed record ListFile(string Name, InputKind Kind, string? Contents)
{
    public bool Required => Contents is not null;
}

/// <summary>
/// The shape of the input folder, written once: site.yml and sources.yml (required), entities.yml, eras.yml and tags.yml,
/// events/**.yml|yaml in any subfolder, and pages/*.md with their translations (about.fa.md) beside them. Reading a
/// whole site (<see cref="InputReader"/>) and reading one changed path again (`timeline serve`) both ask it, so
/// they read the same files and report a missing one the same way.
/// </summary>
public sealed class InputLayout
{
    public const string EventsFolder = "events";

    public const string PagesFolder = "pages";

    /// <summary>The files at the top of the folder, in the order they are read: site.yml first, whose languages the others are read with.</summary>
    public static readonly IReadOnlyList<ListFile> ListFiles =
    [
        new("site.yml", InputKind.Site, "the site's title, description, base_url and language"),
        new("sources.yml", InputKind.Sources, "a list of sources, each with id, title, publisher and kind"),
        new("entities.yml", InputKind.Entities, null),
        new("eras.yml", InputKind.Eras, null),
        new("tags.yml", InputKind.Tags, null),
    ];

    public InputLayout(string root) => Root = Path.GetFullPath(root);

    /// <summary>The input folder's full path.</summary>
    public string Root { get; }

    /// <summary>The folders files are listed from, with the kind of file each holds.</summary>
    public IEnumerable<(string Folder, InputKind Kind)> Folders =>
        [(Path.Combine(Root, EventsFolder), InputKind.Event), (Path.Combine(Root, PagesFolder), InputKind.Page)];

    public string PathOf(ListFile file) => Path.Combine(Root, file.Name);

    /// <summary>Which input file <paramref name="path"/> is; <see cref="InputKind.Other"/> for anything the build does not read.</summary>
    public InputKind KindOf(string path)
    {
        var relative = Relative(path);
        foreach (var file in ListFiles)
        {
            if (file.Name == relative)
            {
                return file.Kind;
            }
        }

        if (relative.StartsWith(EventsFolder + "/", StringComparison.Ordinal) && IsEventFile(relative))
        {
            return InputKind.Event;
        }

        return relative.StartsWith(PagesFolder + "/", StringComparison.Ordinal) && relative.EndsWith(".md", StringComparison.Ordinal) && relative.Count(c => c == '/') == 1
            ? InputKind.Page
            : InputKind.Other;
    }

    /// <summary>Whether a file is one the build reads.</summary>
    public bool Includes(string path) => KindOf(path) != InputKind.Other;

    /// <summary>Whether files are looked for in this folder: events/ and every folder under it, and pages/ itself.</summary>
    public bool Descend(string folder)
    {
        var relative = Relative(folder);
        return relative is EventsFolder or PagesFolder || relative.StartsWith(EventsFolder + "/", StringComparison.Ordinal);
    }

    /// <summary>An event's file: YAML, by its name's ending.</summary>
    public static bool IsEventFile(string path) =>
        path.EndsWith(".yml", StringComparison.Ordinal) || path.EndsWith(".yaml", StringComparison.Ordinal);

    /// <summary>
    /// Reports a missing input folder, or each required file that is not there. <paramref name="read"/> tells which
    /// were read; one that was not but is on disk (a pipe, a link out of the folder) was reported when it was refused.
    /// </summary>
    public void CheckRequired(Func<InputKind, bool> read, PathDisplay display, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(Root))
        {
            diagnostics.FolderError(display.Show(Root), ErrorMessages.MissingInputFolder(display.Show(Root)));
            return;
        }

        foreach (var file in ListFiles)
        {
            if (file.Contents is { } contents && !read(file.Kind) && IsMissing(PathOf(file)))
            {
                diagnostics.Error(display.Show(PathOf(file)), SourcePosition.WholeFile, ErrorMessages.MissingFile(file.Name, contents));
            }
        }
    }

    private static bool IsMissing(string path)
    {
        try
        {
            return FileKinds.Of(path) == EntryKind.Missing;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Reading it said what is wrong.
            return false;
        }
    }

    private string Relative(string path) => Path.GetRelativePath(Root, Path.GetFullPath(path)).Replace('\\', '/');
}

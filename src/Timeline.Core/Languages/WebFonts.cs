using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Model;

namespace Timeline.Languages;

/// <summary>
/// The Persian web font the theme's stylesheet names in its @font-face rules (Vazirmatn, regular and bold), copied with
/// its licence from npm's vazirmatn package, which the share images already use, into /assets/fonts/. Never committed.
/// </summary>
internal static class WebFonts
{
    public const string Package = "vazirmatn";

    /// <summary>The regular weight, under assets/: pages in the Arabic script preload it, so their text is set in it from the first paint.</summary>
    public const string RegularAsset = "fonts/vazirmatn-regular.woff2";

    /// <summary>Where each file comes from inside the package, and its path in the site (style.css is in assets/).</summary>
    public static readonly IReadOnlyList<(string Source, string Path)> Files =
    [
        // Two static weights rather than the variable font: the theme uses only 400 and 700, and a page with Persian
        // text only in regular weight (an English page's Solar Hijri dates) loads 50 KB instead of 111 KB.
        ("fonts/webfonts/Vazirmatn-Regular.woff2", "assets/" + RegularAsset),
        ("fonts/webfonts/Vazirmatn-Bold.woff2", "assets/fonts/vazirmatn-bold.woff2"),
        // The SIL Open Font License asks that the licence go with the font.
        ("OFL.txt", "assets/fonts/vazirmatn-OFL.txt"),
    ];

    /// <summary>
    /// The font's files for the site, or none, with a warning, when the package is not installed: the site is then built
    /// without them and the stylesheet's font stacks fall back to the reader's own fonts.
    /// </summary>
    public static IReadOnlyList<OutputFile> Load(BuildTools tools, PathDisplay display, DiagnosticBag diagnostics)
    {
        var found = new List<(string Path, string Full)>();
        foreach (var (source, path) in Files)
        {
            if (tools.PackageFile(Package, source) is not { } full)
            {
                var expected = Path.Combine(tools.NodeModules ?? Path.GetFullPath("node_modules"), Package);
                diagnostics.FolderWarning(display.Show(expected), ErrorMessages.WebFontMissing(Package));
                return [];
            }

            found.Add((path, full));
        }

        try
        {
            return found.Select(file => new OutputFile(file.Path, File.ReadAllBytes(file.Full))).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.FolderWarning(display.Show(Path.Combine(tools.NodeModules!, Package)), ErrorMessages.UnreadableFile(ex.Message));
            return [];
        }
    }
}

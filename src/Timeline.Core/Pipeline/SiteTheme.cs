using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Languages;
using Timeline.Model;
using Timeline.Rendering;
using Timeline.ShareImages;
using Timeline.Theme;

namespace Timeline.Pipeline;

/// <summary>
/// The theme as read for a build: its templates, the files copied as they are (its assets/ and the web fonts), the
/// design of share images, and what was wrong with any of them. Read again only when something in the theme changes.
/// </summary>
internal sealed record SiteTheme(ThemeTemplates? Templates, IReadOnlyList<OutputFile> Assets, ShareImageDesign? Design, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static SiteTheme Load(BuildOptions options, PathDisplay display)
    {
        var diagnostics = new DiagnosticBag();
        var templates = ThemeTemplates.Load(options.ThemeFolder, display, diagnostics);
        var tools = options.LocateTools();
        var fonts = WebFonts.Load(tools, display, diagnostics);
        IReadOnlyList<OutputFile> assets = templates is null ? fonts : [.. new SiteRenderer(templates, diagnostics).Assets(), .. fonts];
        var design = Directory.Exists(options.ThemeFolder) ? ShareImageDesignLoader.Load(options.ThemeFolder, tools, display, diagnostics) : null;
        return new SiteTheme(templates, assets, design, diagnostics.Sorted());
    }

    /// <summary>Whether the web font was installed and is copied into the site, so that pages may preload it.</summary>
    public bool HasWebFonts => Assets.Any(a => a.Path == "assets/" + WebFonts.RegularAsset);

    /// <summary>Whether pages can be made with it: an error in it has been reported otherwise.</summary>
    public bool IsComplete => Templates is not null && Design is not null;
}

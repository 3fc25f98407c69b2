using System.Globalization;
using System.Text.RegularExpressions;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Loading;
using Timeline.Records;
using Timeline.Yaml;

namespace Timeline.ShareImages;

/// <summary>Reads the theme's share-image.yml and loads the fonts it names from node_modules.</summary>
internal static partial class ShareImageDesignLoader
{
    public const string FileName = "share-image.yml";

    private const int SmallestSize = 12;
    private const int LargestSize = 160;

    public static ShareImageDesign? Load(string themeFolder, BuildTools tools, PathDisplay display, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(themeFolder, FileName);
        // A theme folder that cannot be read was reported once, by the templates' loader.
        var files = new InputFiles(themeFolder, display, diagnostics);
        if (!files.RootIsReadable(report: false))
        {
            return null;
        }

        var found = files.Find(
            path,
            () => diagnostics.Error(display.Show(path), SourcePosition.WholeFile, ErrorMessages.MissingFile(FileName, "the colours, fonts and sizes of the share images (see the default theme's share-image.yml)")));
        if (found is null || new InputReader(display, diagnostics).ReadFile(found.Value) is not { } file)
        {
            return null;
        }

        if (YamlTreeReader.Read(file.Text, file.DisplayPath, diagnostics, "Write the share images' colours, fonts and sizes in it.") is not { } root)
        {
            return null;
        }

        if (root is not YamlMapping mapping)
        {
            diagnostics.Error(file.DisplayPath, root.Position, ErrorMessages.ExpectedMapping(FileName, root.Describe()));
            return null;
        }

        var record = ShareImageDesignRecord.Shape.Read(mapping, file.DisplayPath, diagnostics, out var misspelt);
        var check = new RecordValidator(file.DisplayPath, diagnostics, misspelt);
        var background = Colour(check, record.Background, "background", mapping.Position);
        var text = Colour(check, record.Text, "text", mapping.Position);
        var muted = Colour(check, record.Muted, "muted", mapping.Position);
        var rule = Colour(check, record.Rule, "rule", mapping.Position);
        var titleFont = Font(check, tools, record.TitleFont, "title_font", "dejavu-fonts-ttf/ttf/DejaVuSerif.ttf", mapping.Position);
        var textFont = Font(check, tools, record.TextFont, "text_font", "dejavu-fonts-ttf/ttf/DejaVuSans.ttf", mapping.Position);
        var persianFont = Font(check, tools, record.PersianFont, "persian_font", "vazirmatn/fonts/ttf/Vazirmatn-Regular.ttf", mapping.Position);
        var titleSize = Size(check, record.TitleSize, "title_size", "64", mapping.Position);
        var minTitleSize = Size(check, record.MinTitleSize, "min_title_size", "40", mapping.Position);
        var dateSize = Size(check, record.DateSize, "date_size", "30", mapping.Position);
        var siteSize = Size(check, record.SiteSize, "site_size", "24", mapping.Position);
        if (minTitleSize > titleSize)
        {
            check.Error(record.MinTitleSize!.Position, ErrorMessages.MinTitleSizeTooLarge(minTitleSize.Value, titleSize!.Value));
            return null;
        }

        if (background is null || text is null || muted is null || rule is null || titleFont is null || textFont is null || persianFont is null
            || titleSize is null || minTitleSize is null || dateSize is null || siteSize is null)
        {
            return null;
        }

        return new ShareImageDesign(background.Value, text.Value, muted.Value, rule.Value, titleFont, textFont, persianFont, titleSize.Value, minTitleSize.Value, dateSize.Value, siteSize.Value, file.Text);
    }

    private static uint? Colour(RecordValidator check, YamlScalar? value, string field, SourcePosition at)
    {
        if (check.Required(value, field, "\"#1d1d1f\"", at) is not { } text)
        {
            return null;
        }

        if (!HexColour().IsMatch(text))
        {
            check.Error(value!.Position, ErrorMessages.InvalidColour(field, text));
            return null;
        }

        return uint.Parse(text.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    private static int? Size(RecordValidator check, YamlScalar? value, string field, string example, SourcePosition at)
    {
        if (check.Required(value, field, example, at) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < SmallestSize || size > LargestSize)
        {
            check.Error(value!.Position, ErrorMessages.InvalidFontSize(field, text, SmallestSize, LargestSize, example));
            return null;
        }

        return size;
    }

    private static ShareImageFont? Font(RecordValidator check, BuildTools tools, YamlScalar? value, string field, string example, SourcePosition at)
    {
        if (check.Required(value, field, example, at) is not { } text)
        {
            return null;
        }

        var match = FontPath().Match(text);
        if (!match.Success || text.Split('/').Any(part => part is "." or ".."))
        {
            check.Error(value!.Position, ErrorMessages.InvalidFontPath(field, text));
            return null;
        }

        var package = match.Groups["package"].Value;
        if (tools.PackageFile(package, match.Groups["file"].Value) is not { } path)
        {
            var installed = tools.PackageFile(package, "package.json") is not null;
            check.Error(value!.Position, installed ? ErrorMessages.FontNotInPackage(field, text, package) : ErrorMessages.FontNotInstalled(field, text, package));
            return null;
        }

        try
        {
            return new ShareImageFont(text, File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            check.Error(value!.Position, ErrorMessages.UnreadableFont(text, ex.Message));
            return null;
        }
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColour();

    // An npm package (scoped or not), then a path inside it to a TrueType or OpenType file.
    [GeneratedRegex(@"^(?<package>(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*)/(?<file>[A-Za-z0-9._/-]+\.(ttf|otf))$")]
    private static partial Regex FontPath();
}

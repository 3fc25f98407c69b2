using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Fluid;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.PostProcess.Views;

namespace Timeline.Theme;

/// <summary>
/// The theme's Liquid templates, parsed once with Fluid. Every syntax error of every template is reported
/// with the template's path and line. Values are HTML-escaped unless a template asks for raw.
/// </summary>
public sealed partial class ThemeTemplates
{
    /// <summary>Templates every theme must have: one per kind of page, and the layout around them.</summary>
    public static readonly IReadOnlyList<string> Required =
        ["layout", "index", "event", "year", "tag", "tags", "sources", "page", "entity", "entities", "embed"];

    // Escapes markup characters but leaves Persian and other scripts readable in the output.
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly FluidParser Parser = new();

    private readonly IReadOnlyDictionary<string, IFluidTemplate> _templates;

    private ThemeTemplates(IReadOnlyDictionary<string, IFluidTemplate> templates, IReadOnlyList<InputFile> files, TemplateOptions options, string folder)
    {
        _templates = templates;
        Files = files;
        Options = options;
        Folder = folder;
    }

    public TemplateOptions Options { get; }

    /// <summary>The template files as read, so that later checks can point at the line that needs fixing.</summary>
    public IReadOnlyList<InputFile> Files { get; }

    /// <summary>The theme folder; its assets/ are copied to the site.</summary>
    public string Folder { get; }

    public static ThemeTemplates? Load(string themeFolder, PathDisplay display, DiagnosticBag diagnostics)
    {
        var templatesFolder = Path.Combine(themeFolder, "templates");
        if (!Directory.Exists(templatesFolder))
        {
            diagnostics.Error(display.Show(themeFolder), SourcePosition.File, ErrorMessages.MissingThemeFolder(display.Show(themeFolder)));
            return null;
        }

        var reader = new InputReader(display, diagnostics);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var read = new List<InputFile>();
        var parsed = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(templatesFolder, "*.liquid", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal);
        foreach (var path in files)
        {
            if (reader.ReadFile(path) is not { } file)
            {
                continue;
            }

            var name = Path.GetRelativePath(templatesFolder, path).Replace('\\', '/');
            sources[name] = file.Text;
            read.Add(file);
            if (Parser.TryParse(file.Text, out var template, out var error))
            {
                parsed[name[..^".liquid".Length]] = template;
            }
            else
            {
                var match = ErrorPosition().Match(error ?? "");
                var position = match.Success
                    ? new SourcePosition(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))
                    : SourcePosition.File;
                var detail = (error ?? "unknown error").Split('\n')[0];
                detail = ErrorPosition().Replace(detail, "").Trim();
                diagnostics.Error(file.DisplayPath, position, ErrorMessages.TemplateSyntax(detail));
            }
        }

        var missing = Required.Where(r => !sources.ContainsKey(r + ".liquid")).ToList();
        foreach (var name in missing)
        {
            diagnostics.Error(display.Show(templatesFolder), SourcePosition.File, ErrorMessages.MissingTemplate(name + ".liquid"));
        }

        if (parsed.Count != sources.Count || missing.Count > 0)
        {
            return null;
        }

        var options = new TemplateOptions { FileProvider = new ThemeFileProvider(sources) };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        ViewTypes.Register(options.MemberAccessStrategy);
        if (!CheckFilters(read, options, diagnostics))
        {
            return null;
        }

        return new ThemeTemplates(parsed, read, options, themeFolder);
    }

    /// <summary>Renders a template with the given values; Liquid errors at render time become a diagnostic.</summary>
    public string Render(string name, IReadOnlyDictionary<string, object?> values)
    {
        var context = new TemplateContext(Options);
        foreach (var (key, value) in values)
        {
            context.SetValue(key, value);
        }

        return _templates[name].Render(context, Encoder);
    }

    /// <summary>Fluid passes a value through an unknown filter unchanged; a misspelt filter is reported instead.</summary>
    private static bool CheckFilters(IEnumerable<InputFile> files, TemplateOptions options, DiagnosticBag diagnostics)
    {
        var ok = true;
        foreach (var file in files)
        {
            foreach (Match tag in LiquidTag().Matches(file.Text))
            {
                foreach (Match filter in FilterName().Matches(tag.Value))
                {
                    var name = filter.Groups[1].Value;
                    if (!options.Filters.TryGetValue(name, out _))
                    {
                        var offset = tag.Index + filter.Groups[1].Index;
                        var line = 1 + file.Text.AsSpan(0, offset).Count('\n');
                        var column = offset - file.Text.LastIndexOf('\n', Math.Max(0, offset - 1));
                        diagnostics.Error(file.DisplayPath, new SourcePosition(line, column), ErrorMessages.UnknownFilter(name, Suggestions.Closest(name, options.Filters.Select(f => f.Key))));
                        ok = false;
                    }
                }
            }
        }

        return ok;
    }

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex LiquidTag();

    [GeneratedRegex(@"\|\s*([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex FilterName();

    [GeneratedRegex(@"at \((\d+):(\d+)\)")]
    private static partial Regex ErrorPosition();
}

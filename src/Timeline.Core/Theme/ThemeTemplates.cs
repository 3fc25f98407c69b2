using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Fluid.Values;
using Fluid;
using Timeline.Dates;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Languages;
using Timeline.Model;
using Timeline.Views;

namespace Timeline.Theme;

/// <summary>
/// The theme's Liquid templates, parsed once with Fluid. Every syntax error of every template is reported
/// with the template's path and line. Values are HTML-escaped unless a template asks for raw.
/// </summary>
internal sealed partial class ThemeTemplates
{
    /// <summary>Templates every theme must have: one per kind of page, the layout around them, and how a date is written.</summary>
    public static readonly IReadOnlyList<string> Required =
        ["layout", "index", "event", "year", "tag", "tags", "sources", "source", "page", "entity", "entities", "embed", "404", DatePartial];

    private static readonly FluidParser Parser = new();

    private readonly IReadOnlyDictionary<string, IFluidTemplate> _templates;
    // Cleared, for all pages, when a layout turns out to output its content twice (see RenderInLayout).
    private volatile bool _streamsContent;

    private ThemeTemplates(IReadOnlyDictionary<string, IFluidTemplate> templates, string layout, IReadOnlyList<InputFile> files, TemplateOptions options, string folder, ThemeStrings strings, IReadOnlyList<FoundFile> assets, PathDisplay display)
    {
        Assets = assets;
        Display = display;
        _templates = templates;
        _streamsContent = StreamsContent(layout);
        Strings = strings;
        Files = files;
        Options = options;
        Folder = folder;
    }

    public TemplateOptions Options { get; }

    /// <summary>The template files as read, so that later checks can point at the line that needs fixing.</summary>
    public IReadOnlyList<InputFile> Files { get; }

    /// <summary>The theme's words in each language (theme/i18n/), which templates read as t.key.</summary>
    public ThemeStrings Strings { get; }

    /// <summary>The theme folder; its assets/ are copied to the site.</summary>
    public string Folder { get; }

    /// <summary>The files of assets/, found when the theme was loaded and read when the site is written.</summary>
    public IReadOnlyList<FoundFile> Assets { get; }

    /// <summary>How the theme's paths are shown in messages.</summary>
    public PathDisplay Display { get; }

    /// <summary>Where a template (by its name, "event" or "partials/noteref") is, as messages show it.</summary>
    public string ShownPathOf(string template)
    {
        var full = Path.GetFullPath(Path.Combine(Folder, "templates", template + ".liquid"));
        return Files.FirstOrDefault(f => f.FullPath == full)?.DisplayPath ?? full;
    }

    public static ThemeTemplates? Load(string themeFolder, PathDisplay display, DiagnosticBag diagnostics)
    {
        var templatesFolder = Path.Combine(themeFolder, "templates");
        var themeFiles = new InputFiles(themeFolder, display, diagnostics);
        if (Directory.Exists(themeFolder) && !themeFiles.RootIsReadable())
        {
            return null;
        }

        if (!Directory.Exists(templatesFolder))
        {
            diagnostics.FolderError(display.Show(themeFolder), ErrorMessages.MissingThemeFolder(display.Show(themeFolder)));
            return null;
        }

        var reader = new InputReader(display, diagnostics);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var displayPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        var read = new List<InputFile>();
        var parsed = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        // A template that could not be listed (a folder that cannot be read, a pipe) was reported: it is not also called missing.
        var before = diagnostics.ErrorCount;
        var listed = themeFiles.List(templatesFolder, p => p.EndsWith(".liquid", StringComparison.Ordinal), _ => true);
        var refused = diagnostics.ErrorCount > before;
        foreach (var found in listed)
        {
            if (reader.ReadFile(found) is not { } file)
            {
                continue;
            }

            var name = Path.GetRelativePath(templatesFolder, found.Path).Replace('\\', '/');
            sources[name] = file.Text;
            displayPaths[name] = file.DisplayPath;
            read.Add(file);
            if (Parser.TryParse(file.Text, out var template, out var error))
            {
                parsed[name[..^".liquid".Length]] = Prepared(template, file.DisplayPath, file.Text);
            }
            else
            {
                var match = ErrorPosition().Match(error ?? "");
                var position = match.Success
                    ? new SourcePosition(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))
                    : SourcePosition.WholeFile;
                var detail = (error ?? "unknown error").Split('\n')[0];
                detail = ErrorPosition().Replace(detail, "").Trim();
                diagnostics.Error(file.DisplayPath, position, ErrorMessages.TemplateSyntax(detail));
            }
        }

        var missing = Required.Where(r => !sources.ContainsKey(r + ".liquid")).ToList();
        foreach (var name in refused ? [] : missing)
        {
            diagnostics.Error(display.Show(Path.Combine(templatesFolder, name + ".liquid")), SourcePosition.WholeFile, ErrorMessages.MissingTemplate(name + ".liquid"));
        }

        var strings = ThemeStrings.Load(themeFolder, display, diagnostics);
        var assets = themeFiles.List(Path.Combine(themeFolder, "assets"), _ => true, _ => true);
        if (parsed.Count != sources.Count || missing.Count > 0 || strings is null)
        {
            return null;
        }

        var options = new TemplateOptions { FileProvider = new ThemeFileProvider(sources) };
        // Partials are parsed by Fluid when a page includes them, and prepared as the pages are.
        options.TemplateParsed = (path, template) => sources.TryGetValue(path, out var text) ? Prepared(template, displayPaths[path], text) : FreshFilterArguments.Apply(template);
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        ViewTypes.Register(options.MemberAccessStrategy);
        options.Filters.AddFilter("digits", Digits);
        options.Filters.AddFilter("lang_attrs", LangAttributes);
        options.Filters.AddFilter("raw", Raw);
        options.Filters.AddFilter("json", JsonFilter.Json);
        TemplateLimits.Apply(options);
        var filtersOk = CheckFilters(read, options, diagnostics);
        if (!CheckStringKeys(read, strings, diagnostics) || !filtersOk)
        {
            return null;
        }

        return new ThemeTemplates(parsed, sources["layout.liquid"], read, options, themeFolder, strings, assets, display);
    }

    /// <summary>
    /// A parsed template as pages render it: safe to render on several threads at once, its loops marked with their
    /// lines and bounded. Filters are made safe first: the loop marks are nodes the rewriting would not look inside.
    /// </summary>
    internal static IFluidTemplate Prepared(IFluidTemplate template, string file, string text) =>
        TemplateLimits.Track(FreshFilterArguments.Apply(template), file, text);

    /// <summary>The value templates see as t: the strings of a language, read as t.key.</summary>
    public const string StringsVariable = "t";

    /// <summary>
    /// Renders a template with the given values, in a language: its strings are t, and the digits filter writes
    /// numbers as that language does. Liquid errors at render time become a diagnostic.
    /// </summary>
    public string Render(string name, IReadOnlyDictionary<string, object?> values, string language)
    {
        using var writer = new StringWriter();
        RenderTo(writer, name, values, language);
        return writer.ToString();
    }

    /// <summary>The partial that writes a date in both calendars.</summary>
    public const string DatePartial = "partials/date";

    /// <summary>The partial that writes a group of note markers, when the theme has one.</summary>
    public const string NoteMarkersPartial = "partials/noteref";

    /// <summary>Whether the theme writes note markers itself (templates/partials/noteref.liquid).</summary>
    public bool HasNoteMarkers => _templates.ContainsKey(NoteMarkersPartial);

    /// <summary>Renders a template into <paramref name="writer"/>, as <see cref="Render"/> does into a string.</summary>
    public void RenderTo(TextWriter writer, string name, IReadOnlyDictionary<string, object?> values, string language) =>
        Wait(_templates[name].RenderAsync(new BoundedWriter(writer), Html.Encoder, Context(values, language)));

    /// <summary>
    /// Renders the layout into <paramref name="writer"/> with a page's template as its content: the page is rendered
    /// where the layout outputs <c>content</c>, into the same writer.
    /// </summary>
    public void RenderInLayout(StringWriter writer, string name, IReadOnlyDictionary<string, object?> values, IReadOnlyDictionary<string, object?> layoutValues, string language)
    {
        if (_streamsContent)
        {
            var start = writer.GetStringBuilder().Length;
            try
            {
                var streamed = Context(layoutValues, language);
                streamed.SetValue(ContentVariable, new PageContent(_templates[name], Context(values, language)));
                Wait(_templates["layout"].RenderAsync(new BoundedWriter(writer), Html.Encoder, streamed));
                return;
            }
            catch (PageContent.WrittenTwiceException)
            {
                // The layout outputs its content more than once (twice, or in a loop): the page is rendered once, as
                // text, as it always was, so that its second copy is the same as its first. Later pages go straight there.
                writer.GetStringBuilder().Length = start;
                _streamsContent = false;
            }
        }

        var context = Context(layoutValues, language);
        var content = Render(name, values, language);
        context.SetValue(ContentVariable, new StringValue(content));
        Wait(_templates["layout"].RenderAsync(new BoundedWriter(writer), Html.Encoder, context));
    }

    /// <summary>
    /// Whether the layout uses its content only as <c>{{ content | raw }}</c>, as the shipped one does: the page is then
    /// rendered straight into the layout's writer. A layout that filters, tests or escapes its content gets it as text.
    /// </summary>
    private static bool StreamsContent(string layout)
    {
        var uses = LiquidTag().Matches(layout).Sum(tag => ContentWord().Count(tag.Value));
        return uses > 0 && uses == RawContent().Count(layout);
    }

    /// <summary>The variable the layout outputs the page's own template with.</summary>
    public const string ContentVariable = "content";

    private TemplateContext Context(IReadOnlyDictionary<string, object?> values, string language)
    {
        var context = new TemplateContext(Options);
        context.AmbientValues[LanguageKey] = language;
        context.SetValue(StringsVariable, Strings.ForTemplates(language));
        foreach (var (key, value) in values)
        {
            context.SetValue(key, value);
        }

        return context;
    }

    // Themes have no asynchronous filters, so rendering completes at once.
    private static void Wait(ValueTask rendering)
    {
        if (!rendering.IsCompletedSuccessfully)
        {
            rendering.AsTask().GetAwaiter().GetResult();
        }
    }

    private const string LanguageKey = "timeline-language";

    /// <summary>{{ n | digits }}: a number in the digits of the page's language (Persian digits on Persian pages).</summary>
    private static ValueTask<FluidValue> Digits(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var language = context.AmbientValues.TryGetValue(LanguageKey, out var value) ? value as string : null;
        return new StringValue(LanguageProfile.For(language ?? "").Digits.Write(input.ToStringValue()));
    }

    /// <summary>
    /// {{ x.lang | lang_attrs }}: lang and dir attributes, with a leading space, for text in another language than the
    /// page (its code in x.lang), or nothing when x.lang is empty. Markup of the filter's own, so not escaped again.
    /// </summary>
    private static ValueTask<FluidValue> LangAttributes(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var code = input.ToStringValue();
        return new StringValue(code.Length == 0 ? "" : PageLanguage.Attributes(code), encode: false);
    }

    /// <summary>Liquid's raw, which leaves a page's streamed content (already markup) as it is rather than make it a string.</summary>
    private static ValueTask<FluidValue> Raw(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        input is PageContent ? input : Fluid.Filters.MiscFilters.Raw(input, arguments, context);

    /// <summary>Every t.key a template reads must be a key of the reference strings: a misspelt key would show nothing.</summary>
    private static bool CheckStringKeys(IEnumerable<InputFile> files, ThemeStrings strings, DiagnosticBag diagnostics)
    {
        var ok = true;
        var reference = $"{strings.DisplayFolder}/{ThemeStrings.ReferenceLanguage}.yml";
        foreach (var file in files)
        {
            foreach (Match tag in LiquidTag().Matches(file.Text))
            {
                foreach (Match key in StringKey().Matches(tag.Value))
                {
                    var name = key.Groups[1].Value;
                    if (!strings.Reference.ContainsKey(name))
                    {
                        var offset = tag.Index + key.Groups[1].Index;
                        var line = 1 + file.Text.AsSpan(0, offset).Count('\n');
                        var column = offset - file.Text.LastIndexOf('\n', Math.Max(0, offset - 1));
                        diagnostics.Error(file.DisplayPath, new SourcePosition(line, column), ErrorMessages.UnknownStringKey(name, reference, Suggestions.Closest(name, strings.Reference.Keys)));
                        ok = false;
                    }
                }
            }
        }

        return ok;
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

    [GeneratedRegex(@"(?<![A-Za-z0-9_.-])content(?![A-Za-z0-9_-])")]
    private static partial Regex ContentWord();

    [GeneratedRegex(@"\{\{-?\s*content\s*\|\s*raw\s*-?\}\}")]
    private static partial Regex RawContent();

    [GeneratedRegex(@"\|\s*([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex FilterName();

    [GeneratedRegex(@"(?<![A-Za-z0-9_.])t\.([A-Za-z0-9_]+)")]
    private static partial Regex StringKey();

    [GeneratedRegex(@"at \((\d+):(\d+)\)")]
    private static partial Regex ErrorPosition();
}

using System.Text.RegularExpressions;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Yaml;

namespace Timeline.Languages;

/// <summary>
/// The theme's words, one file per language: theme/i18n/en.yml holds every key, and each other language's file
/// holds the same keys translated. Texts may hold placeholders such as {tag}, filled by the template or the code.
/// </summary>
internal sealed partial class ThemeStrings
{
    /// <summary>The language whose file lists every key: the others are checked against it.</summary>
    public const string ReferenceLanguage = "en";

    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _languages;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Fluid.Values.FluidValue> _templateValues = new(StringComparer.Ordinal);

    private ThemeStrings(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> languages, string displayFolder)
    {
        _languages = languages;
        DisplayFolder = displayFolder;
    }

    /// <summary>The i18n folder as messages show it.</summary>
    public string DisplayFolder { get; }

    /// <summary>The reference language's keys, which every language has.</summary>
    public IReadOnlyDictionary<string, string> Reference => _languages[ReferenceLanguage];

    public bool Has(string language) => _languages.ContainsKey(language);

    /// <summary>Every text of a language, by key.</summary>
    public IReadOnlyDictionary<string, string> For(string language) => _languages[language];

    /// <summary>The same texts in the shape Fluid reads as an object (t.key), made once per language.</summary>
    /// <remarks>
    /// Made once per language as Fluid values: every page reads dozens of strings, which would otherwise be wrapped
    /// again on each read of each page.
    /// </remarks>
    public Fluid.Values.FluidValue ForTemplates(string language) =>
        _templateValues.GetOrAdd(language, l => new Fluid.Values.DictionaryValue(new Fluid.Values.FluidValueDictionaryFluidIndexable(
            _languages[l].ToDictionary(x => x.Key, x => (Fluid.Values.FluidValue)new Fluid.Values.StringValue(x.Value), StringComparer.Ordinal))));

    /// <summary>Reads theme/i18n/*.yml; every mistake of every file is reported, and null returned when there is any.</summary>
    public static ThemeStrings? Load(string themeFolder, PathDisplay display, DiagnosticBag diagnostics)
    {
        var folder = Path.Combine(themeFolder, "i18n");
        var shownFolder = display.Show(folder);
        var reader = new InputReader(display, diagnostics);
        var read = new SortedDictionary<string, (InputFile File, YamlMapping Map)>(StringComparer.Ordinal);
        // A folder or file that could not be read was reported: en.yml is then not also called missing.
        var before = diagnostics.ErrorCount;
        var found = new InputFiles(themeFolder, display, diagnostics).List(folder, p => p.EndsWith(".yml", StringComparison.Ordinal), _ => false);
        var ok = diagnostics.ErrorCount == before;
        foreach (var path in found)
        {
            if (reader.ReadFile(path) is not { } file
                || YamlTreeReader.Read(file.Text, file.DisplayPath, diagnostics, "Write one key and its text per line, such as nav_sources: Sources.") is not { } root)
            {
                ok = false;
                continue;
            }

            if (root is not YamlMapping map)
            {
                diagnostics.Error(file.DisplayPath, root.Position, ErrorMessages.StringsNotAMapping(root.Describe()));
                ok = false;
                continue;
            }

            read[Path.GetFileNameWithoutExtension(path.Path)] = (file, map);
        }

        if (!read.TryGetValue(ReferenceLanguage, out var reference))
        {
            if (ok)
            {
                diagnostics.Error(display.Show(Path.Combine(folder, ReferenceLanguage + ".yml")), SourcePosition.WholeFile, ErrorMessages.MissingStringsFile(ReferenceLanguage, shownFolder));
            }

            return null;
        }

        var referenceName = $"{shownFolder}/{ReferenceLanguage}.yml";
        var referenceTexts = Texts(reference.File, reference.Map, null, referenceName, diagnostics, ref ok);
        var languages = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal) { [ReferenceLanguage] = referenceTexts };
        foreach (var (language, (file, map)) in read.Where(l => l.Key != ReferenceLanguage))
        {
            var texts = Texts(file, map, referenceTexts, referenceName, diagnostics, ref ok);
            // A key written with a wrong value was reported above; only keys not written at all are missing.
            var written = map.Entries.Select(e => e.Key.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var key in referenceTexts.Keys.Where(k => !written.Contains(k)))
            {
                diagnostics.Error(file.DisplayPath, SourcePosition.WholeFile, ErrorMessages.MissingStringKey(key, referenceName));
                ok = false;
            }

            languages[language] = texts;
        }

        return ok ? new ThemeStrings(languages, shownFolder) : null;
    }

    /// <summary>Reports each language of the site that has no file of strings.</summary>
    public void CheckLanguages(IEnumerable<string> languages, DiagnosticBag diagnostics)
    {
        foreach (var language in languages.Where(l => !Has(l)))
        {
            diagnostics.Error($"{DisplayFolder}/{language}.yml", SourcePosition.WholeFile, ErrorMessages.MissingStringsFile(language, DisplayFolder));
        }
    }

    /// <summary>Fills a text's placeholders: Fill("Tag: {tag}", ("tag", "x")) is "Tag: x".</summary>
    public static string Fill(string text, params (string Name, string Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The placeholders a text holds, by name.</summary>
    public static IReadOnlyList<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    private static Dictionary<string, string> Texts(
        InputFile file, YamlMapping map, IReadOnlyDictionary<string, string>? reference, string referenceName, DiagnosticBag diagnostics, ref bool ok)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            var key = entry.Key.Value;
            if (reference is not null && !reference.ContainsKey(key))
            {
                diagnostics.Error(file.DisplayPath, entry.Key.Position, ErrorMessages.UnknownStringKey(key, referenceName, Suggestions.Closest(key, reference.Keys)));
                ok = false;
                continue;
            }

            if (entry.Value is not YamlScalar { IsNull: false } scalar)
            {
                diagnostics.Error(file.DisplayPath, entry.Value.Position, ErrorMessages.StringNotText(key, entry.Value.Describe()));
                ok = false;
                continue;
            }

            // A translation takes the placeholders its English text takes, and no others: the code fills only those.
            if (reference is not null)
            {
                var known = Placeholders(reference[key]);
                foreach (var unknown in Placeholders(scalar.Value).Where(p => !known.Contains(p)))
                {
                    diagnostics.Error(file.DisplayPath, scalar.Position, ErrorMessages.UnknownStringPlaceholder(key, unknown, known));
                    ok = false;
                }
            }

            texts[key] = scalar.Value;
        }

        return texts;
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}

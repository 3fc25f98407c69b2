using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Languages;
using Timeline.Tests.Support;
using Timeline.Theme;

namespace Timeline.Tests.Theme;

/// <summary>theme/i18n: en.yml lists every key; each other language holds the same keys with the same placeholders.</summary>
public sealed class ThemeStringsTests
{
    private static (ThemeStrings? Strings, IReadOnlyList<string> Errors) Load(IReadOnlyDictionary<string, string> files)
    {
        var folder = TestSite.NewFolder();
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        var diagnostics = new DiagnosticBag();
        var strings = ThemeStrings.Load(folder, new PathDisplay(folder), diagnostics);
        return (strings, diagnostics.Sorted().Select(d => d.ToString()).ToList());
    }

    [Fact]
    public void A_theme_without_en_yml_is_an_error_that_says_where_to_add_it()
    {
        var (strings, errors) = Load(new Dictionary<string, string> { ["i18n/fa.yml"] = "nav_tags: برچسب‌ها\n" });

        Assert.Null(strings);
        Assert.Equal(["i18n/en.yml:1:1: error TL1010: the theme has no strings for the language 'en'. Add i18n/en.yml with every key of i18n/en.yml, translated."], errors);
    }

    [Fact]
    public void A_theme_without_an_i18n_folder_is_the_same_error()
    {
        var (strings, errors) = Load(new Dictionary<string, string> { ["templates/layout.liquid"] = "x" });

        Assert.Null(strings);
        Assert.Single(errors);
        Assert.Contains("TL1010", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_keys_keys_that_en_yml_lacks_and_values_that_are_not_text_are_errors()
    {
        var (strings, errors) = Load(new Dictionary<string, string>
        {
            ["i18n/en.yml"] = "title_tag: \"Tag: {tag}\"\nnav_tags: Tags\n",
            ["i18n/fa.yml"] = "title_tag: \"برچسب: {tag}\"\nnav_tag: برچسب‌ها\nnav_tags: [a, b]\n",
            ["i18n/de.yml"] = "title_tag: \"Schlagwort: {tag}\"\n",
        });

        Assert.Null(strings);
        Assert.Equal(
            [
                "i18n/de.yml:1:1: error TL1011: the key 'nav_tags' of i18n/en.yml is missing here. Add it, translated, for example nav_tags: ...",
                "i18n/fa.yml:2:1: error TL1013: 'nav_tag' is not a key of i18n/en.yml. Did you mean 'nav_tags'? Fix the key, or add it to i18n/en.yml first.",
                "i18n/fa.yml:3:11: error TL1014: 'nav_tags' is a list, but each key holds one line of text. Write it as key: text, with no nested fields or lists.",
            ],
            errors);
    }

    [Fact]
    public void A_good_set_of_files_fills_placeholders_and_reports_missing_languages()
    {
        var (strings, errors) = Load(new Dictionary<string, string>
        {
            ["i18n/en.yml"] = "title_tag: \"Tag: {tag}\"\n",
            ["i18n/fa.yml"] = "title_tag: \"برچسب: {tag}\"\n",
        });

        Assert.Empty(errors);
        Assert.Equal("برچسب: x", ThemeStrings.Fill(strings!.For("fa")["title_tag"], ("tag", "x")));
        var diagnostics = new DiagnosticBag();
        strings.CheckLanguages(["en", "fa", "de"], diagnostics);
        Assert.Equal(["i18n/de.yml:1:1: error TL1010: the theme has no strings for the language 'de'. Add i18n/de.yml with every key of i18n/en.yml, translated."], diagnostics.Sorted().Select(d => d.ToString()));
    }

    [Fact]
    public void The_shipped_theme_has_the_same_keys_in_english_and_persian()
    {
        var diagnostics = new DiagnosticBag();
        var strings = ThemeStrings.Load(Repository.Theme, new PathDisplay(Repository.Root), diagnostics);

        Assert.Empty(diagnostics.Sorted());
        Assert.Equal(strings!.For("en").Keys.Order(StringComparer.Ordinal), strings.For("fa").Keys.Order(StringComparer.Ordinal));
    }
}

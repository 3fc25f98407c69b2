using Timeline.Dates;
using Timeline.Model;

namespace Timeline.Languages;

/// <summary>
/// The language a tree of pages is written in: its theme strings, its text direction, how it writes digits, what
/// it shows untranslated, and where every language's tree starts (for hreflang alternates and the language switch).
/// RootUrls are the default tree's addresses, where the assets, the search index and the share images live.
/// </summary>
internal sealed record PageLanguage(
    string Code,
    string DefaultCode,
    IReadOnlyDictionary<string, string> Strings,
    Fallbacks Fallbacks,
    SiteUrls Urls,
    SiteUrls RootUrls,
    IReadOnlyList<string> AllCodes,
    IReadOnlyDictionary<string, string> LanguageNames)
{
    public LanguageProfile Profile { get; } = LanguageProfile.For(Code);

    public bool IsDefault => Code == DefaultCode;

    public string Direction => Profile.Direction;

    /// <summary>The language of default-language text shown untranslated on this page; empty on default-language pages.</summary>
    public string FallbackCode => IsDefault ? "" : DefaultCode;

    /// <summary>Dates in this language's calendars, month names and digits.</summary>
    public LanguageDates Dates { get; } = new(LanguageProfile.For(Code), Strings);

    public static string DirectionOf(string code) => LanguageProfile.For(code).Direction;

    /// <summary>lang and dir attributes, with a leading space, for text in the language with this code (the lang_attrs filter).</summary>
    public static string Attributes(string code) => $" lang=\"{Html.Encoder.Encode(code)}\" dir=\"{DirectionOf(code)}\"";

    /// <summary>A theme string with its placeholders filled.</summary>
    public string Text(string key, params (string Name, string Value)[] values) => ThemeStrings.Fill(Strings[key], values);

    public string Digits(int number) => Profile.Digits.Write(number);

    public string Digits(string text) => Profile.Digits.Write(text);

    /// <summary>The address of the same page in another language's tree: a site path of this tree, moved.</summary>
    public string InLanguage(string sitePath, string code)
    {
        var relative = sitePath.StartsWith(Urls.Index, StringComparison.Ordinal) ? sitePath[Urls.Index.Length..] : sitePath;
        return TreeOf(code).Index + relative;
    }

    public SiteUrls TreeOf(string code) => code == DefaultCode ? RootUrls : RootUrls.ForLanguage(code);

    /// <summary>Every language's tree for a site, each with what its pages show untranslated.</summary>
    public static IReadOnlyList<(PageLanguage Language, ResolvedSite Site)> All(ResolvedSite site, ThemeStrings strings)
    {
        var root = new SiteUrls(site.Site.BasePath);
        var codes = site.Site.Languages;
        var names = codes.Where(strings.Has).ToDictionary(c => c, c => strings.For(c)["language_name"], StringComparer.Ordinal);
        return codes.Select(code =>
        {
            var (localized, fallbacks) = LocalizedSite.For(site, code);
            var urls = code == site.Site.Language ? root : root.ForLanguage(code);
            return (new PageLanguage(code, site.Site.Language, strings.For(code), fallbacks, urls, root, codes, names), localized);
        }).ToList();
    }
}

using System.Globalization;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Languages;
using Timeline.Publishing.Overview;
using Timeline.Theme;

namespace Timeline.Tests.Support;

/// <summary>The shipped theme's English strings (theme/i18n/en.yml), for unit tests of code that writes words.</summary>
public static class EnglishTheme
{
    private static readonly Lazy<ThemeStrings> All = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var strings = ThemeStrings.Load(Repository.Theme, new PathDisplay(Repository.Root), diagnostics);
        Assert.True(strings is not null, string.Join('\n', diagnostics.Sorted()));
        return strings;
    });

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Strings = new(() => All.Value.For("en"));

    /// <summary>Dates as the shipped theme writes them in a language (its i18n file's month names, its profile's rules).</summary>
    internal static LanguageDates Dates(string language) => new(LanguageProfile.For(language), All.Value.For(language));

    public static OverviewText Overview => new(Strings.Value, n => n.ToString(CultureInfo.InvariantCulture));
}

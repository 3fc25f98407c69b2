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
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Strings = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var strings = ThemeStrings.Load(Repository.Theme, new PathDisplay(Repository.Root), diagnostics);
        Assert.True(strings is not null, string.Join('\n', diagnostics.Sorted()));
        return strings.For("en");
    });

    public static OverviewText Overview => new(Strings.Value, n => n.ToString(CultureInfo.InvariantCulture));
}

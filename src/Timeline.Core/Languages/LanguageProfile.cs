using System.Collections.Concurrent;
using Timeline.Dates;

namespace Timeline.Languages;

/// <summary>Which calendar a language's readers see first; the other one follows it.</summary>
internal enum CalendarOrder
{
    /// <summary>The Gregorian date in the language's month names, then the Solar Hijri one in Persian.</summary>
    GregorianFirst,

    /// <summary>The Solar Hijri date, then the Gregorian one in the language's month names (as Persian readers read).</summary>
    SolarHijriFirst,
}

/// <summary>The script a language is written in, which decides its fonts.</summary>
internal enum Script
{
    /// <summary>The theme's own families on pages; share images in the design's text_font.</summary>
    Latin,

    /// <summary>Vazirmatn on pages (<see cref="WebFonts"/>); share images in the design's persian_font.</summary>
    Arabic,
}

/// <summary>
/// The rules of a language besides its words (which are in the theme's i18n/&lt;code&gt;.yml): the direction of its
/// text, its digits, the order of its calendars, how it writes a day, its Open Graph locale and its script (fonts).
/// Every rule that differs between languages is read from here, never from a test of a language's code.
/// </summary>
internal sealed record LanguageProfile(
    string Code,
    string Direction,
    Numerals Digits,
    CalendarOrder Calendars,
    string DaySuffix,
    string Locale,
    Script Script)
{
    // The languages with rules of their own. A tag with a region (fa-AF, de-CH) takes its language's rules.
    private static readonly IReadOnlyDictionary<string, LanguageProfile> Known = new[]
    {
        new LanguageProfile("en", "ltr", Numerals.Latin, CalendarOrder.GregorianFirst, "", "en_GB", Script.Latin),
        new LanguageProfile("fa", "rtl", Numerals.Persian, CalendarOrder.SolarHijriFirst, "", "fa_IR", Script.Arabic),
        new LanguageProfile("ar", "rtl", Numerals.ArabicIndic, CalendarOrder.GregorianFirst, "", "ar_AR", Script.Arabic),
        new LanguageProfile("de", "ltr", Numerals.Latin, CalendarOrder.GregorianFirst, ".", "de_DE", Script.Latin),
    }.ToDictionary(p => p.Code, StringComparer.Ordinal);

    // Languages without a profile that are written right to left (Arabic script but for he and yi).
    private static readonly IReadOnlySet<string> RightToLeft = new HashSet<string>(StringComparer.Ordinal) { "he", "ur", "ps", "ckb", "yi", "dv", "sd", "ug" };
    private static readonly IReadOnlySet<string> ArabicScript = new HashSet<string>(StringComparer.Ordinal) { "ur", "ps", "ckb", "sd", "ug" };

    private static readonly ConcurrentDictionary<string, LanguageProfile> Made = new(StringComparer.Ordinal);

    public bool IsRightToLeft => Direction == "rtl";

    /// <summary>
    /// The rules of the language with this tag. A language without a profile is written left to right (right to left
    /// for the scripts that are), in Latin digits, Gregorian date first in its i18n file's month names, with its tag
    /// as its Open Graph locale.
    /// </summary>
    public static LanguageProfile For(string code) => Made.GetOrAdd(code, Make);

    private static LanguageProfile Make(string code)
    {
        var parts = code.Split('-');
        var region = parts.Length > 1 && parts[1].Length == 2 ? parts[0] + "_" + parts[1].ToUpperInvariant() : null;
        if (Known.TryGetValue(parts[0], out var known))
        {
            return known with { Code = code, Locale = region ?? known.Locale };
        }

        return new LanguageProfile(
            code,
            RightToLeft.Contains(parts[0]) ? "rtl" : "ltr",
            Numerals.Latin,
            CalendarOrder.GregorianFirst,
            "",
            region ?? parts[0],
            ArabicScript.Contains(parts[0]) ? Script.Arabic : Script.Latin);
    }
}

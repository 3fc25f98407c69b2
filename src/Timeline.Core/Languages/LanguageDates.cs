using System.Globalization;
using Timeline.Dates;

namespace Timeline.Languages;

/// <summary>
/// Dates as one language writes them: the Gregorian calendar in the month names of its i18n file (month_1 to
/// month_12), its digits and its word for "circa"; the Solar Hijri calendar always in Persian. Its profile says which
/// calendar comes first.
/// </summary>
internal sealed class LanguageDates(LanguageProfile profile, IReadOnlyDictionary<string, string> strings)
{
    public LanguageProfile Profile => profile;

    /// <summary>The theme's word for "circa" in this language.</summary>
    public string Circa { get; } = strings["circa"];

    public GregorianWriter Gregorian { get; } = new(
        Enumerable.Range(1, 12).Select(m => strings[string.Create(CultureInfo.InvariantCulture, $"month_{m}")]).ToArray(),
        n => profile.Digits.Write(n),
        strings["circa"] + " ",
        profile.DaySuffix);

    /// <summary>A span in both calendars, this language's first (share images, which have no markup).</summary>
    public (string First, string Second) Texts(DateSpan span) => profile.Calendars == CalendarOrder.SolarHijriFirst
        ? (SolarHijriDates.Format(span), Gregorian.Format(span))
        : (Gregorian.Format(span), SolarHijriDates.Format(span));
}

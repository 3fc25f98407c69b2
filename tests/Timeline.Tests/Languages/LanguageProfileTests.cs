using Timeline.Dates;
using Timeline.Languages;

namespace Timeline.Tests.Languages;

/// <summary>Each language's rules come from its profile; a language without one gets the defaults the README gives.</summary>
public sealed class LanguageProfileTests
{
    [Fact]
    public void Persian_and_arabic_are_right_to_left_each_with_its_own_digits()
    {
        Assert.Equal(("rtl", Numerals.Persian, CalendarOrder.SolarHijriFirst, "fa_IR"), Rules("fa"));
        Assert.Equal(("rtl", Numerals.ArabicIndic, CalendarOrder.GregorianFirst, "ar_AR"), Rules("ar"));
        Assert.Equal(("ltr", Numerals.Latin, CalendarOrder.GregorianFirst, "en_GB"), Rules("en"));
        Assert.Equal(Script.Arabic, LanguageProfile.For("ar").Script);
        Assert.Equal(Script.Latin, LanguageProfile.For("de").Script);
    }

    [Fact]
    public void A_language_without_a_profile_is_left_to_right_in_latin_digits_gregorian_first()
    {
        Assert.Equal(("ltr", Numerals.Latin, CalendarOrder.GregorianFirst, "sv"), Rules("sv"));

        // Scripts that are written right to left stay so without a profile.
        Assert.Equal("rtl", LanguageProfile.For("ur").Direction);
        Assert.Equal("rtl", LanguageProfile.For("he").Direction);
    }

    [Fact]
    public void A_tag_with_a_region_takes_its_languages_rules_and_the_regions_locale()
    {
        Assert.Equal(("rtl", Numerals.Persian, CalendarOrder.SolarHijriFirst, "fa_AF"), Rules("fa-AF"));
        Assert.Equal(("ltr", Numerals.Latin, CalendarOrder.GregorianFirst, "en_US"), Rules("en-US"));
    }

    [Fact]
    public void Dates_take_the_i18n_files_month_names_and_the_profiles_digits_and_order()
    {
        var when = new DateSpan(PartialDate.Parse("1988-07-19").Date, null, true);

        Assert.Equal(("نحو ١٩ يوليو ١٩٨٨", "حدود ۲۸ تیر ۱۳۶۷"), Dates("ar", "نحو", "يوليو").Texts(when));
        Assert.Equal(("um 19. Juli 1988", "حدود ۲۸ تیر ۱۳۶۷"), Dates("de", "um", "Juli").Texts(when));
        Assert.Equal(("حدود ۲۸ تیر ۱۳۶۷", "حدود ۱۹ ژوئیه ۱۹۸۸"), Dates("fa", "حدود", "ژوئیه").Texts(when));
    }

    private static (string, Numerals, CalendarOrder, string) Rules(string code)
    {
        var profile = LanguageProfile.For(code);
        return (profile.Direction, profile.Digits, profile.Calendars, profile.Locale);
    }

    // Strings with only July named: the dates tested fall in it.
    private static LanguageDates Dates(string code, string circa, string july)
    {
        var strings = Enumerable.Range(1, 12).ToDictionary(m => $"month_{m}", m => m == 7 ? july : "?");
        strings["circa"] = circa;
        return new LanguageDates(LanguageProfile.For(code), strings);
    }
}

using Timeline.Dates;
using Timeline.Markdown.Citations;
using Timeline.Tests.Support;

namespace Timeline.Tests.Dates;

/// <summary>Dates and numbers as Persian pages write them: Solar Hijri, the Gregorian date in Persian (fa.yml's month names), Persian digits.</summary>
public sealed class PersianDatesTests
{
    private static DateSpan Day(string iso) => DateSpan.Single(PartialDate.Parse(iso).Date);

    [Theory]
    [InlineData("1988-07-19", "۲۸ تیر ۱۳۶۷")]
    [InlineData("1988-08-15", "۲۴ مرداد ۱۳۶۷")]
    [InlineData("2020-09-03", "۱۳ شهریور ۱۳۹۹")]
    [InlineData("2020-12-09", "۱۹ آذر ۱۳۹۹")]
    [InlineData("1988-07", "تیر–مرداد ۱۳۶۷")]
    public void Known_days_and_months_in_the_solar_hijri_calendar(string iso, string expected) =>
        Assert.Equal(expected, SolarHijriDates.Format(Day(iso)));

    [Theory]
    [InlineData("1988-07-19", "۱۹ ژوئیه ۱۹۸۸")]
    [InlineData("1988-08-15", "۱۵ اوت ۱۹۸۸")]
    [InlineData("2020-12", "دسامبر ۲۰۲۰")]
    [InlineData("1988", "۱۹۸۸")]
    public void The_gregorian_date_in_persian_month_names_and_digits(string iso, string expected) =>
        Assert.Equal(expected, EnglishTheme.Dates("fa").Gregorian.Format(Day(iso)));

    [Fact]
    public void A_gregorian_span_in_persian_writes_the_shared_year_once_and_marks_circa()
    {
        var span = new DateSpan(PartialDate.Parse("1988-07-19").Date, PartialDate.Parse("1988-08-16").Date, true);

        Assert.Equal("حدود ۱۹ ژوئیه – ۱۶ اوت ۱۹۸۸", EnglishTheme.Dates("fa").Gregorian.Format(span));
        Assert.Equal("c. 19 July – 16 August 1988", EnglishDates.Format(span));
    }

    [Fact]
    public void Every_ascii_digit_becomes_persian_and_nothing_else_changes()
    {
        Assert.Equal("۰۱۲۳۴۵۶۷۸۹", PersianDigits.Write("0123456789"));
        Assert.Equal("ص. ۱۲–۱۴, p. x", PersianDigits.Write("ص. 12–14, p. x"));
        Assert.Equal("1367", Numerals.Latin.Write(1367));
        Assert.Equal("۱۳۶۷", Numerals.Persian.Write(1367));
        Assert.Equal("١٣٦٧", Numerals.ArabicIndic.Write(1367));
    }

    [Fact]
    public void Note_markers_change_their_visible_number_only()
    {
        var html = NoteMarkup.Markers([new NoteMarker(12, "ref-12-1")]);

        Assert.Equal("<sup class=\"noteref\"><a href=\"#note-12\" id=\"ref-12-1\" role=\"doc-noteref\">[۱۲]</a></sup>", NoteMarkup.WithNumbers(html, PersianDigits.Write));
    }
}

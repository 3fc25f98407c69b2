using CsCheck;
using Timeline.Dates;

namespace Timeline.Tests.Dates;

public sealed class DateWritingTests
{
    private static PartialDate D(string text) => PartialDate.Parse(text).Date;

    [Theory]
    [InlineData("1988-07-19", null, false, "19 July 1988")]
    [InlineData("1988-07", null, false, "July 1988")]
    [InlineData("1988", null, false, "1988")]
    [InlineData("1988", null, true, "c. 1988")]
    [InlineData("1988-07-19", "1988-08-16", false, "19 July – 16 August 1988")]
    [InlineData("1988-07", "1988-09", false, "July – September 1988")]
    [InlineData("1988-07-19", "1988-07-30", false, "19–30 July 1988")]
    [InlineData("1988-07-19", "1989-01", false, "19 July 1988 – January 1989")]
    [InlineData("1989", "2015", false, "1989 – 2015")]
    [InlineData("1988-07", "1988-09", true, "c. July – September 1988")]
    public void Writes_english_dates_with_the_precision_the_record_has(string start, string? end, bool circa, string expected) =>
        Assert.Equal(expected, EnglishDates.Format(new DateSpan(D(start), end is null ? null : D(end), circa)));

    [Theory]
    [InlineData(1988, 7, 19, 1367, 4, 28)]
    [InlineData(1988, 8, 15, 1367, 5, 24)]
    [InlineData(2020, 9, 3, 1399, 6, 13)]
    [InlineData(2020, 12, 9, 1399, 9, 19)]
    public void Converts_known_days_to_the_solar_hijri_calendar(int y, int m, int d, int py, int pm, int pd) =>
        Assert.Equal((py, pm, pd), SolarHijriDates.Convert(new DateOnly(y, m, d)));

    [Theory]
    [InlineData("1988-07-19", null, "۲۸ تیر ۱۳۶۷")]
    [InlineData("1988-08-15", null, "۲۴ مرداد ۱۳۶۷")]
    [InlineData("2020-09-03", null, "۱۳ شهریور ۱۳۹۹")]
    [InlineData("2020-12-09", null, "۱۹ آذر ۱۳۹۹")]
    [InlineData("1988-07", null, "تیر–مرداد ۱۳۶۷")]
    [InlineData("1988", null, "۱۳۶۶–۱۳۶۷")]
    [InlineData("1988-07-19", "1988-08-16", "۲۸ تیر – ۲۵ مرداد ۱۳۶۷")]
    [InlineData("1989-03", null, "اسفند ۱۳۶۷ – فروردین ۱۳۶۸")]
    public void Writes_solar_hijri_dates_in_persian_with_the_same_precision(string start, string? end, string expected) =>
        Assert.Equal(expected, SolarHijriDates.Format(new DateSpan(D(start), end is null ? null : D(end), false)));

    [Fact]
    public void Converts_every_day_of_two_centuries_as_the_persian_calendar_does()
    {
        var calendar = new System.Globalization.PersianCalendar();
        for (var day = new DateOnly(1900, 1, 1); day <= new DateOnly(2100, 12, 31); day = day.AddDays(1))
        {
            var time = day.ToDateTime(TimeOnly.MinValue);
            Assert.Equal((calendar.GetYear(time), calendar.GetMonth(time), calendar.GetDayOfMonth(time)), SolarHijriDates.Convert(day));
        }
    }

    [Fact]
    public void Converts_any_day_the_persian_calendar_can_as_it_does()
    {
        var calendar = new System.Globalization.PersianCalendar();
        var first = DateOnly.FromDateTime(calendar.MinSupportedDateTime).DayNumber;
        var last = DateOnly.FromDateTime(calendar.MaxSupportedDateTime).DayNumber;
        Gen.Int[first, last].Select(n => DateOnly.FromDayNumber(n)).Sample(day =>
        {
            var time = day.ToDateTime(TimeOnly.MinValue);
            return SolarHijriDates.Convert(day) == (calendar.GetYear(time), calendar.GetMonth(time), calendar.GetDayOfMonth(time));
        }, iter: 5000);
    }

    [Fact]
    public void Marks_approximate_persian_dates() =>
        Assert.StartsWith("حدود ", SolarHijriDates.Format(new DateSpan(D("1988"), null, true)));
}

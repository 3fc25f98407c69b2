using Timeline.Dates;
using Timeline.Tests.Support;
using Timeline.Theme;
using Timeline.Views;

namespace Timeline.Tests.Views;

/// <summary>
/// The dates pages show, as the theme's partials/date.liquid writes them: both calendars in the page's order, each end
/// of a span in its own time element, and a theme's word for "circa" escaped as text in both languages.
/// </summary>
public sealed class DateViewTests
{
    private static readonly DateSpan Circa = new(PartialDate.Parse("1988-07").Date, null, true);

    private static readonly DateSpan Days = new(PartialDate.Parse("1988-07-19").Date, PartialDate.Parse("1988-07-30").Date, false);

    private static DateView Write(DateSpan span, string language, string circa)
    {
        var templates = ThemeTemplates.Load(Repository.Theme, new Timeline.Input.PathDisplay(Repository.Root), new Timeline.Diagnostics.DiagnosticBag())!;
        var dates = EnglishTheme.Dates(language);
        var strings = new Dictionary<string, string>(Enumerable.Range(1, 12).Select(m => KeyValuePair.Create($"month_{m}", dates.Gregorian.MonthName(m)))) { ["circa"] = circa };
        return ViewBuilder.Date(span, new Timeline.Languages.LanguageDates(dates.Profile, strings), d =>
            templates.Render(ThemeTemplates.DatePartial, new Dictionary<string, object?> { ["date"] = d }, language));
    }

    [Fact]
    public void A_themes_circa_word_is_escaped_in_the_english_date()
    {
        var date = Write(Circa, "en", "c.<b>&");

        Assert.Equal("c.&lt;b&gt;&amp; <time datetime=\"1988-07\">July 1988</time> <span class=\"calendar-sep\" aria-hidden=\"true\">·</span> <span class=\"date-solar-latin\">c.&lt;b&gt;&amp; Tir–Mordad 1367 SH</span>", date.Html);
        Assert.Equal("c.<b>& July 1988", date.Text);
    }

    [Fact]
    public void A_themes_circa_word_is_escaped_in_the_persian_date()
    {
        var date = Write(Circa, "fa", "حدود<b>");

        Assert.StartsWith("حدود&lt;b&gt; <time class=\"date-solar\" datetime=\"1988-07\">", date.Html, StringComparison.Ordinal);
        Assert.Contains("·</span> حدود&lt;b&gt; <span class=\"date-gregorian\"><time datetime=\"1988-07\">", date.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", date.Html, StringComparison.Ordinal);
        Assert.Equal("حدود<b> تیر–مرداد ۱۳۶۷", date.Text);
    }

    [Fact]
    public void Each_end_of_a_span_has_its_own_time_element()
    {
        var date = Write(Days, "en", "c.");

        Assert.StartsWith("<time datetime=\"1988-07-19\">19</time>–<time datetime=\"1988-07-30\">30 July 1988</time> <span class=\"calendar-sep\"", date.Html, StringComparison.Ordinal);
        Assert.Equal("1988-07-19/1988-07-30", date.Iso);
    }
}

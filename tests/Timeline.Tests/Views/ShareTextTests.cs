using Timeline.Views;

namespace Timeline.Tests.Views;

/// <summary>Share text is the title, the date and the summary, fitted at a word to each network's limit.</summary>
public sealed class ShareTextTests
{
    private const string Url = "https://1988-timeline.netlify.app/events/1988-07-secret-executions/";

    private static readonly string LongSummary = string.Join(' ', Enumerable.Repeat("Prisoners were executed in secret.", 12));

    [Fact]
    public void The_post_says_the_title_the_date_and_the_summary() =>
        Assert.Equal(
            "Audio recording of the 1988 meeting released (9 August 2016): A recording of Montazeri's meeting was published.",
            ShareText.Compose("Audio recording of the 1988 meeting released", "9 August 2016", "A recording of Montazeri's meeting was published."));

    [Fact]
    public void A_short_post_is_left_whole() =>
        Assert.Equal("Title (1988): Short.", ShareText.ForX("Title (1988): Short."));

    [Fact]
    public void On_X_a_long_post_is_cut_at_a_word_to_fit_280_with_the_address_counted_as_23()
    {
        var whole = ShareText.Compose("Secret mass executions", "July – September 1988", LongSummary);
        var post = ShareText.ForX(whole);

        Assert.True(ShareText.XWeight(post) + 1 + ShareText.XUrlLength <= ShareText.XLimit, post);
        Assert.True(ShareText.XWeight(post) + 1 + ShareText.XUrlLength > ShareText.XLimit - 20, "cut far too short: " + post);
        // Cut after a whole word: what is kept is the start of the text, followed there by a space.
        Assert.EndsWith("…", post, StringComparison.Ordinal);
        Assert.StartsWith(post[..^1] + " ", whole, StringComparison.Ordinal);
        Assert.StartsWith("Secret mass executions (July – September 1988): Prisoners", post, StringComparison.Ordinal);
    }

    [Fact]
    public void X_weighs_latin_persian_and_dashes_as_one_and_the_ellipsis_and_cjk_as_two()
    {
        Assert.Equal(5, ShareText.XWeight("a–b c"));
        Assert.Equal(4, ShareText.XWeight("تیر "));
        Assert.Equal(2, ShareText.XWeight("…"));
        Assert.Equal(4, ShareText.XWeight("日本"));
    }

    [Fact]
    public void On_Bluesky_the_post_and_its_full_address_fit_300_graphemes()
    {
        var post = ShareText.ForBluesky(ShareText.Compose("عنوان", "۲۸ تیر ۱۳۶۷", string.Concat(Enumerable.Repeat("اعدام‌های مخفی در زندان‌ها. ", 20))), Url);

        Assert.True(ShareText.Graphemes(post) <= ShareText.BlueskyLimit, $"{ShareText.Graphemes(post)} graphemes");
        Assert.EndsWith("… " + Url, post, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_word_longer_than_the_limit_is_cut_inside_it()
    {
        var cut = ShareText.Fit(new string('x', 50), 10, s => s.Length);

        Assert.Equal(new string('x', 9) + "…", cut);
    }

    /// <summary>
    /// Fit measures each grapheme once and adds the sizes up (it measured the whole cut again at every grapheme, which
    /// took 2 ms an event). On random texts of Latin, Persian, combining marks, emoji and CJK, it cuts where measuring
    /// the whole cut each time would, for each network's measure.
    /// </summary>
    [Fact]
    public void Fitting_by_adding_up_graphemes_cuts_where_measuring_the_whole_cut_does()
    {
        string[] pieces = ["a", "word", " ", "  ", ",", ".", "e\u0301", "\u0645\u0631\u062f\u0645", "\u06f1\u06f3\u06f6\u06f7", "\U0001F56F\uFE0F", "\U0001F469\u200D\U0001F467", "\u4e2d\u6587", "\u2014", "\u200C", "\r\n"];
        var random = new Random(1988);
        Func<string, int>[] measures = [s => s.Length, ShareText.Graphemes, ShareText.XWeight];
        for (var i = 0; i < 2000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 80)).Select(_ => pieces[random.Next(pieces.Length)]));
            var measure = measures[i % measures.Length];
            var budget = random.Next(2, 120);
            Assert.Equal(Reference(text, budget, measure), ShareText.Fit(text, budget, measure));
        }
    }

    // Fit as it was: the whole cut measured at every grapheme.
    private static string Reference(string text, int budget, Func<string, int> measure)
    {
        if (measure(text) <= budget)
        {
            return text;
        }

        var room = budget - measure("…");
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        var cut = new System.Text.StringBuilder();
        var lastSpace = -1;
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (measure(cut + element) > room)
            {
                break;
            }

            if (element == " ")
            {
                lastSpace = cut.Length;
            }

            cut.Append(element);
        }

        var kept = lastSpace > 0 ? cut.ToString(0, lastSpace) : cut.ToString();
        return kept.TrimEnd(' ', ',', ':', ';', '.', '\u060c', '\u061b') + "…";
    }
}

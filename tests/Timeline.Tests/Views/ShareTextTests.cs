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
}

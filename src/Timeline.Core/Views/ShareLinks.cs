using System.Globalization;
using Timeline.Model;
using Timeline.Views;

namespace Timeline.Views;

/// <summary>
/// The addresses that share one page: e-mail and the major networks' documented share URLs, each an ordinary
/// link (no third-party script, nothing tracked). Every value is percent-encoded as a whole query value.
/// </summary>
internal static class ShareLinks
{
    /// <summary>
    /// The share links of an event: the post says its title, date and summary (<see cref="ShareText"/>), fitted to each
    /// network; Facebook and LinkedIn take only the address and read the page's own card.
    /// </summary>
    public static ShareView For(string title, string date, string summary, string pageUrl, string embedUrl, string embedPath, string siteTitle, string scriptUrl, string fitScriptUrl)
    {
        static string Encode(string value) => Uri.EscapeDataString(value);
        var url = Encode(pageUrl);
        var post = ShareText.Compose(title, date, summary);
        var heading = ShareText.Compose(title, date, "");
        var email = $"mailto:?subject={Encode(heading)}&body={Encode(summary + "\r\n\r\n" + pageUrl)}";
        var networks = new List<LinkView>
        {
            new("Bluesky", $"https://bsky.app/intent/compose?text={Encode(ShareText.ForBluesky(post, pageUrl))}"),
            new("Facebook", $"https://www.facebook.com/sharer/sharer.php?u={url}"),
            new("LinkedIn", $"https://www.linkedin.com/sharing/share-offsite/?url={url}"),
            new("Reddit", $"https://www.reddit.com/submit?url={url}&title={Encode(ShareText.Fit(heading, ShareText.RedditTitleLimit, ShareText.Graphemes))}"),
            new("Telegram", $"https://t.me/share/url?url={url}&text={Encode(ShareText.Fit(post, ShareText.TelegramLimit - pageUrl.Length - 1, s => s.Length))}"),
            new("WhatsApp", $"https://wa.me/?text={Encode(post + " " + pageUrl)}"),
            new("X (Twitter)", $"https://x.com/intent/tweet?text={Encode(ShareText.ForX(post))}&url={url}"),
        };
        return new ShareView(pageUrl, email, networks, embedUrl, embedPath, EmbedCode(embedUrl, title, siteTitle, fitScriptUrl), scriptUrl)
        {
            Heading = heading,
            Post = post,
        };
    }

    /// <summary>
    /// What another site pastes: the frame, which names its content as every frame must, loads lazily and narrows to
    /// the page it sits in (at most 600 px); then, optional, the script that makes the frame as tall as its card
    /// (theme/assets/embed.js). Without the script the card fills the frame's 360 px.
    /// </summary>
    public static string EmbedCode(string embedUrl, string title, string siteTitle, string fitScriptUrl)
    {
        var encode = Html.Encoder;
        var name = encode.Encode($"{title} · {siteTitle}");
        return string.Create(CultureInfo.InvariantCulture, $"<iframe src=\"{encode.Encode(embedUrl)}\" title=\"{name}\" width=\"600\" height=\"360\" style=\"width:100%;max-width:600px;border:0\" loading=\"lazy\"></iframe>\n<script src=\"{encode.Encode(fitScriptUrl)}\" async></script>");
    }
}

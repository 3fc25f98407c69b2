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
    public static ShareView For(string title, string summary, string pageUrl, string embedUrl, string embedPath, string siteTitle, string scriptUrl)
    {
        var url = Uri.EscapeDataString(pageUrl);
        var text = Uri.EscapeDataString(title);
        var textAndUrl = Uri.EscapeDataString(title + " " + pageUrl);
        var email = $"mailto:?subject={text}&body={Uri.EscapeDataString(summary + "\r\n\r\n" + pageUrl)}";
        var networks = new List<LinkView>
        {
            new("Bluesky", $"https://bsky.app/intent/compose?text={textAndUrl}"),
            new("Facebook", $"https://www.facebook.com/sharer/sharer.php?u={url}"),
            new("LinkedIn", $"https://www.linkedin.com/sharing/share-offsite/?url={url}"),
            new("Reddit", $"https://www.reddit.com/submit?url={url}&title={text}"),
            new("Telegram", $"https://t.me/share/url?url={url}&text={text}"),
            new("WhatsApp", $"https://wa.me/?text={textAndUrl}"),
            new("X (Twitter)", $"https://x.com/intent/tweet?text={text}&url={url}"),
        };
        return new ShareView(pageUrl, email, networks, embedUrl, embedPath, EmbedCode(embedUrl, title, siteTitle), scriptUrl);
    }

    /// <summary>The iframe another site pastes: it names its content, as every frame must, and loads lazily.</summary>
    public static string EmbedCode(string embedUrl, string title, string siteTitle)
    {
        var encode = Html.Encoder;
        var name = encode.Encode($"{title} · {siteTitle}");
        return string.Create(CultureInfo.InvariantCulture, $"<iframe src=\"{encode.Encode(embedUrl)}\" title=\"{name}\" width=\"600\" height=\"360\" loading=\"lazy\"></iframe>");
    }
}

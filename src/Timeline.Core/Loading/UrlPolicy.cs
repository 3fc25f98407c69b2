namespace Timeline.Loading;

/// <summary>Which addresses may leave the site: only http, https and mailto; everything else stays inside it.</summary>
public static class UrlPolicy
{
    public static bool IsHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    /// <summary>True for an allowed link that stays inside the site (a path or a #fragment): the link check judges it.</summary>
    public static bool IsInsideSite(string url) =>
        IsAllowedLink(url) && !IsHttp(url.Trim()) && !url.Trim().StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for http, https and mailto addresses, and for links inside the site (a path or a #fragment).</summary>
    public static bool IsAllowedLink(string url)
    {
        var trimmed = url.Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }

        if (IsHttp(trimmed))
        {
            return true;
        }

        if (trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return trimmed.Length > "mailto:".Length;
        }

        // Relative links have no scheme: nothing before a ':' that comes before any '/', '?' or '#'.
        var colon = trimmed.IndexOf(':');
        var firstSeparator = trimmed.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon >= 0 && (firstSeparator < 0 || colon < firstSeparator);
        return !hasScheme && !trimmed.StartsWith("//", StringComparison.Ordinal) && !trimmed.Contains('\\');
    }
}

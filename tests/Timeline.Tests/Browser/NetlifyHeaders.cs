using System.Text.RegularExpressions;
using Timeline.Tests.Support;

namespace Timeline.Tests.Browser;

/// <summary>How Netlify joins the headers of several rules that match one path.</summary>
public enum HeaderMerge
{
    /// <summary>Every matching rule applies; a header set by several is sent with all their values, comma-separated.</summary>
    Combine,

    /// <summary>Every matching rule applies; of a header set by several, the last rule's value is sent (as netlify dev does).</summary>
    LastWins,
}

/// <summary>One <c>[[headers]]</c> block of netlify.toml: its <c>for</c> path and its values, in file order.</summary>
public sealed record HeaderRule(string For, Regex Pattern, IReadOnlyList<KeyValuePair<string, string>> Values);

/// <summary>
/// Reads the headers the site is published with from the repository's netlify.toml and gives, for a path, the
/// headers Netlify sends: every rule whose <c>for</c> matches applies (matched as Netlify's headers parser does:
/// ":name" is one segment, "*" the rest, case-insensitive, an optional closing slash).
/// </summary>
public static partial class NetlifyHeaders
{
    public static string NetlifyToml => Path.Combine(Repository.Root, "netlify.toml");

    public static IReadOnlyList<HeaderRule> Rules() => Parse(File.ReadLines(NetlifyToml));

    public static IReadOnlyList<HeaderRule> Parse(IEnumerable<string> lines)
    {
        var rules = new List<HeaderRule>();
        string? forPath = null;
        List<KeyValuePair<string, string>>? values = null;
        var inHeaders = false;

        void Close()
        {
            if (forPath is not null && values is not null)
            {
                rules.Add(new HeaderRule(forPath, Pattern(forPath), values));
            }

            forPath = null;
            values = null;
        }

        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                // [[headers]] opens a block; its [headers.values] table stays inside it; any other table ends it.
                if (line == "[[headers]]")
                {
                    Close();
                    inHeaders = true;
                    values = [];
                }
                else if (!(inHeaders && line.StartsWith("[headers.", StringComparison.Ordinal)))
                {
                    Close();
                    inHeaders = false;
                }

                continue;
            }

            var match = KeyValue().Match(line);
            if (inHeaders && match.Success)
            {
                var value = match.Groups["value"].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
                if (match.Groups["key"].Value == "for")
                {
                    forPath = value;
                }
                else
                {
                    values!.Add(new(match.Groups["key"].Value, value));
                }
            }
        }

        Close();
        return rules;
    }

    /// <summary>The headers sent for a request path such as "/events/x/", by header name (case-insensitive).</summary>
    public static IReadOnlyDictionary<string, string> For(string path, HeaderMerge merge = HeaderMerge.Combine) => For(Rules(), path, merge);

    public static IReadOnlyDictionary<string, string> For(IReadOnlyList<HeaderRule> rules, string path, HeaderMerge merge)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules.Where(r => r.Pattern.IsMatch(path)))
        {
            foreach (var (name, value) in rule.Values)
            {
                headers[name] = merge == HeaderMerge.Combine && headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
            }
        }

        return headers;
    }

    /// <summary>The policies of a Content-Security-Policy header: a comma separates policies, and a browser enforces each.</summary>
    public static IReadOnlyList<string> Policies(string? header) =>
        header is null ? [] : header.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();

    // As Netlify's headers parser: "/a/:b/*" becomes ^/a/([^/]+)/?(.*)/?$, case-insensitive.
    private static Regex Pattern(string forPath)
    {
        var parts = forPath.Split('/').Select(p => p.TrimEnd()).Where(p => p.Length > 0).Select(part =>
            part.StartsWith(':') ? "([^/]+)"
            : part == "*" ? "?(.*)"
            : part.Contains('*') ? string.Join("(.*)", part.Split('*').Select(Regex.Escape))
            : Regex.Escape(part));
        return new Regex($"^/{string.Join('/', parts)}/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex("""^(?<key>[A-Za-z0-9_-]+)\s*=\s*"(?<value>(?:[^"\\]|\\.)*)"\s*(?:#.*)?$""")]
    private static partial Regex KeyValue();
}

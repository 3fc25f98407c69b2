using System.Text.RegularExpressions;
using Timeline.Tests.Support;

namespace Timeline.Tests.Browser;

/// <summary>Reads the headers the site is published with from the repository's netlify.toml.</summary>
public static partial class NetlifyHeaders
{
    public static string NetlifyToml => Path.Combine(Repository.Root, "netlify.toml");

    /// <summary>The <c>Content-Security-Policy = "..."</c> value of the <c>[[headers]]</c> block.</summary>
    public static string ContentSecurityPolicy()
    {
        var inHeaders = false;
        foreach (var raw in File.ReadLines(NetlifyToml))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                // [[headers]] opens the block; its [headers.values] table stays inside it; any other table ends it.
                inHeaders = line == "[[headers]]" || (inHeaders && line.StartsWith("[headers.", StringComparison.Ordinal));
                continue;
            }

            var match = CspLine().Match(line);
            if (inHeaders && match.Success)
            {
                return match.Groups["value"].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
            }
        }

        throw new InvalidOperationException($"{NetlifyToml} has no Content-Security-Policy = \"...\" line in a [[headers]] block.");
    }

    [GeneratedRegex("""^Content-Security-Policy\s*=\s*"(?<value>(?:[^"\\]|\\.)*)"\s*(?:#.*)?$""")]
    private static partial Regex CspLine();
}

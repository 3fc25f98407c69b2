namespace Timeline.Tests.Browser;

/// <summary>
/// The headers of netlify.toml, for every file of the shipped site and whichever way Netlify joins overlapping rules:
/// only /embed/ and /fa/embed/ may be framed by other sites; every path keeps the full content policy.
/// </summary>
public sealed class NetlifyHeadersTests : IClassFixture<ShippedOutput>
{
    private const string BasePolicy = "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self' 'wasm-unsafe-eval'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    private readonly ShippedOutput _output;

    public NetlifyHeadersTests(ShippedOutput output)
    {
        _output = output;
    }

    public static TheoryData<HeaderMerge> Merges() => new() { HeaderMerge.Combine, HeaderMerge.LastWins };

    [Theory]
    [MemberData(nameof(Merges))]
    public void Only_embed_pages_may_be_framed_and_every_path_keeps_the_content_policy(HeaderMerge merge)
    {
        var rules = NetlifyHeaders.Rules();
        var wrong = new List<string>();
        var paths = RequestPaths().ToList();
        Assert.Contains("/embed/events/1988-08-15-montazeri-meeting/", paths);
        Assert.Contains("/fa/embed/events/1988-08-15-montazeri-meeting/", paths);
        Assert.Contains("/fa/events/1988-08-15-montazeri-meeting/", paths);
        foreach (var path in paths)
        {
            var headers = NetlifyHeaders.For(rules, path, merge);
            var policies = NetlifyHeaders.Policies(headers.GetValueOrDefault("Content-Security-Policy"));
            var frameOptions = headers.GetValueOrDefault("X-Frame-Options");
            var embed = path.StartsWith("/embed/", StringComparison.Ordinal) || path.StartsWith("/fa/embed/", StringComparison.Ordinal);
            if (!policies.Any(p => p.StartsWith(BasePolicy, StringComparison.Ordinal)))
            {
                wrong.Add($"{path}: no full content policy ({string.Join(" | ", policies)})");
            }

            if (embed && (frameOptions is not null || policies.Any(p => p.Contains("frame-ancestors 'none'", StringComparison.Ordinal)) || !policies.Any(p => p.EndsWith("frame-ancestors *", StringComparison.Ordinal))))
            {
                wrong.Add($"{path}: an embed page must allow any frame (X-Frame-Options {frameOptions ?? "none"}; {string.Join(" | ", policies)})");
            }

            if (!embed && (frameOptions is null || frameOptions.Split(',').Any(v => v.Trim() != "DENY") || !policies.Any(p => p.EndsWith("frame-ancestors 'none'", StringComparison.Ordinal))))
            {
                wrong.Add($"{path}: may be framed (X-Frame-Options {frameOptions ?? "none"}; {string.Join(" | ", policies)})");
            }

            if (headers.GetValueOrDefault("X-Content-Type-Options") is not { } sniff || sniff.Split(',').Any(v => v.Trim() != "nosniff"))
            {
                wrong.Add($"{path}: no X-Content-Type-Options nosniff");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void Netlify_patterns_match_as_netlify_does()
    {
        var rules = NetlifyHeaders.Parse(["[[headers]]", "  for = \"/a/:b\"", "  [headers.values]", "    X = \"1\"", "[[headers]]", "  for = \"/c/*\"", "  [headers.values]", "    X = \"2\""]);

        Assert.Equal("1", NetlifyHeaders.For(rules, "/a/b/", HeaderMerge.Combine)["X"]);
        Assert.Empty(NetlifyHeaders.For(rules, "/a/b/c", HeaderMerge.Combine));
        Assert.Equal("2", NetlifyHeaders.For(rules, "/c", HeaderMerge.Combine)["X"]);
        Assert.Equal("2", NetlifyHeaders.For(rules, "/C/d/e/f.png", HeaderMerge.Combine)["X"]);
    }

    // Every file as a browser asks for it, and each index.html also by its folder's address.
    private IEnumerable<string> RequestPaths()
    {
        foreach (var file in Directory.EnumerateFiles(_output.Output, "*", SearchOption.AllDirectories))
        {
            var path = "/" + Path.GetRelativePath(_output.Output, file).Replace(Path.DirectorySeparatorChar, '/');
            yield return path;
            if (path.EndsWith("/index.html", StringComparison.Ordinal))
            {
                yield return path[..^"index.html".Length];
            }
        }
    }
}

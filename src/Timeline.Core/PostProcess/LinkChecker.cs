using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Timeline.Diagnostics;

namespace Timeline.PostProcess;

/// <summary>
/// Checks every internal link of everything the build writes: each href must reach a file of the site,
/// and each #fragment an id on the target page. A broken link fails the build with the page, link and reason,
/// reported once however many pages carry it, at the template line that writes it when one does.
/// </summary>
public static partial class LinkChecker
{
    public static void Check(IReadOnlyList<OutputFile> files, string basePath, IReadOnlyList<Input.InputFile> templates, DiagnosticBag diagnostics)
    {
        var paths = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var pages = files.Where(f => f.IsHtml).Select(f => (f.Path, Html: Encoding.UTF8.GetString(f.Content))).ToList();
        foreach (var (path, html) in pages)
        {
            ids[path] = IdAttribute().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        }

        var broken = new System.Collections.Concurrent.ConcurrentBag<(string Href, string Reason, string Page)>();
        Parallel.ForEach(pages, page =>
        {
            foreach (Match match in LinkAttribute().Matches(page.Html))
            {
                var href = WebUtility.HtmlDecode(match.Groups[2].Value);
                if (Problem(href, page.Path, basePath, paths, ids) is { } reason)
                {
                    broken.Add((href, reason, basePath + (page.Path.EndsWith("index.html", StringComparison.Ordinal) ? page.Path[..^"index.html".Length] : page.Path)));
                }
            }
        });

        foreach (var group in broken.GroupBy(b => (b.Href, b.Reason)).OrderBy(g => g.Key.Href, StringComparer.Ordinal))
        {
            var on = group.Select(b => b.Page).Distinct().Order(StringComparer.Ordinal).ToList();
            var pagesText = on.Count == 1 ? on[0] : $"{on[0]} and {on.Count - 1} other page{(on.Count == 2 ? "" : "s")}";
            var (path, position) = Writer(group.Key.Href, templates) ?? ("theme/templates", SourcePosition.File);
            diagnostics.Error(path, position, ErrorMessages.BrokenLink(group.Key.Href, group.Key.Reason, pagesText));
        }
    }

    /// <summary>The template line that writes this address literally, if any: that is where the fix goes.</summary>
    private static (string Path, SourcePosition Position)? Writer(string href, IReadOnlyList<Input.InputFile> templates)
    {
        foreach (var template in templates)
        {
            var at = template.Text.IndexOf("\"" + href + "\"", StringComparison.Ordinal);
            if (at >= 0)
            {
                var line = 1 + template.Text.AsSpan(0, at).Count('\n');
                var column = at + 1 - template.Text.LastIndexOf('\n', Math.Max(0, at - 1));
                return (template.DisplayPath, new SourcePosition(line, column));
            }
        }

        return null;
    }

    private static string? Problem(string href, string pagePath, string basePath, HashSet<string> paths, Dictionary<string, HashSet<string>> ids)
    {
        if (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var hash = href.IndexOf('#');
        var target = hash >= 0 ? href[..hash] : href;
        var fragment = hash >= 0 ? Uri.UnescapeDataString(href[(hash + 1)..]) : null;
        target = target.Split('?')[0];

        string file;
        if (target.Length == 0)
        {
            file = pagePath;
        }
        else if (target.StartsWith('/'))
        {
            if (!target.StartsWith(basePath, StringComparison.Ordinal))
            {
                return $"it is outside the site's base path {basePath}";
            }

            file = target[basePath.Length..];
        }
        else if (target.Contains(':'))
        {
            return "links may only go to http, https or mailto addresses, or inside the site";
        }
        else
        {
            var folder = pagePath.Contains('/') ? pagePath[..(pagePath.LastIndexOf('/') + 1)] : "";
            file = new Uri(new Uri("http://site/" + folder), target).AbsolutePath.TrimStart('/');
        }

        file = Uri.UnescapeDataString(file);
        if (file.Length == 0 || file.EndsWith('/'))
        {
            file += "index.html";
        }

        if (!paths.Contains(file))
        {
            return paths.Contains(file + "/index.html")
                ? $"the page is at {target}/, with a closing slash"
                : $"the site has no page or file at {target}";
        }

        if (fragment is not null && fragment.Length > 0 && !(ids.TryGetValue(file, out var found) && found.Contains(fragment)))
        {
            return $"the page {file} has no element with id '{fragment}'";
        }

        return null;
    }

    [GeneratedRegex(@"\s(href|src)=""([^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex LinkAttribute();

    [GeneratedRegex(@"\sid=""([^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex IdAttribute();
}

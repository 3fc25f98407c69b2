using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Timeline.Tests.Support;

namespace Timeline.Tests.Cli;

/// <summary>
/// A theme's {{ x | json }}, through the program as users run it: the program serializes nothing by reflection (the
/// native one cannot), and Fluid's own filter, which does, failed every page that used it. .ci/tool runs this against
/// the native program too.
/// </summary>
public sealed partial class JsonFilterTests
{
    [Fact]
    public void Values_and_views_are_written_as_json()
    {
        var site = Path.Combine(TestSite.NewFolder(), "site");
        var init = CliProcess.Run(Path.GetDirectoryName(site)!, null, "init", "site");
        Assert.True(init.Code == 0, init.Errors);
        CopyFolder(Path.Combine(Repository.Root, "theme"), Path.Combine(site, "theme"));
        Directory.CreateSymbolicLink(Path.Combine(site, "node_modules"), Path.Combine(Repository.Root, "node_modules"));
        var layout = Path.Combine(site, "theme", "templates", "layout.liquid");
        File.WriteAllText(layout, File.ReadAllText(layout).Replace(
            "<footer class=\"site-footer\">",
            "<footer class=\"site-footer\"><span hidden id=\"probe\">[{{ site | json }}, {{ \"a<b\" | json }}, {{ 3 | json }}, {{ nothing | json }}, {{ t.nav_tags | json }}, {{ site.title | size | json }}]</span>",
            StringComparison.Ordinal));

        var build = CliProcess.Run(site, null, "build");

        Assert.True(build.Code == 0, build.Output + build.Errors);
        var probe = Probe().Match(File.ReadAllText(Path.Combine(site, "output", "index.html")));
        Assert.True(probe.Success, "the probe is missing from the home page");
        using var json = JsonDocument.Parse(WebUtility.HtmlDecode(probe.Groups[1].Value));
        var values = json.RootElement;
        Assert.Equal("Your timeline's title", values[0].GetProperty("Title").GetString());
        Assert.Equal("/tags/", values[0].GetProperty("TagsUrl").GetString());
        Assert.Equal("a<b", values[1].GetString());
        Assert.Equal(3, values[2].GetInt32());
        Assert.Equal(JsonValueKind.Null, values[3].ValueKind);
        Assert.Equal("Tags", values[4].GetString());
        Assert.Equal("Your timeline's title".Length, values[5].GetInt32());
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex("<span hidden id=\"probe\">(.*?)</span>", RegexOptions.Singleline)]
    private static partial Regex Probe();
}

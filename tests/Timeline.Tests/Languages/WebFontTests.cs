using System.Text.RegularExpressions;
using Timeline.Diagnostics;
using Timeline.Languages;
using Timeline.Pipeline;
using Timeline.Tests.Support;

namespace Timeline.Tests.Languages;

/// <summary>
/// The Persian web font is the site's own: copied from the npm package into /assets/fonts/ with its licence, named by the
/// stylesheet's @font-face rules, and when the package is missing the site is still built, with a warning.
/// </summary>
public sealed partial class WebFontTests
{
    private static string PackageFile(string path) => Path.Combine(Repository.Root, "node_modules", WebFonts.Package, path);

    [Fact]
    public void The_stylesheets_font_faces_reach_the_font_files_written_beside_it()
    {
        using var site = TestSite.Build("valid/basic");
        site.AssertSucceeded();

        var stylesheet = site.Read("assets/style.css");
        var faces = FontFace().Matches(stylesheet).Select(m => m.Value).ToList();
        Assert.Equal(2, faces.Count);
        foreach (var face in faces)
        {
            Assert.Contains("font-family: Vazirmatn;", face, StringComparison.Ordinal);
            // Used only when there by the first paint (Persian pages preload it): nothing moves when it arrives.
            Assert.Contains("font-display: optional;", face, StringComparison.Ordinal);
            Assert.Contains("unicode-range: U+0600-06FF,", face, StringComparison.Ordinal);
            var url = Assert.Single(FontUrl().Matches(face)).Groups[1].Value;
            var written = Path.GetFullPath(Path.Combine(site.Output, "assets", url));
            Assert.True(File.Exists(written), $"{url} in style.css reaches no file of the site.");
            Assert.Equal("wOF2", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(written), 0, 4));
        }

        Assert.Equal(File.ReadAllBytes(PackageFile("fonts/webfonts/Vazirmatn-Regular.woff2")), File.ReadAllBytes(Path.Combine(site.Output, "assets/fonts/vazirmatn-regular.woff2")));
        Assert.Equal(File.ReadAllBytes(PackageFile("fonts/webfonts/Vazirmatn-Bold.woff2")), File.ReadAllBytes(Path.Combine(site.Output, "assets/fonts/vazirmatn-bold.woff2")));
        site.AssertFileContains("assets/fonts/vazirmatn-OFL.txt", "SIL OPEN FONT LICENSE Version 1.1");
        site.AssertFileContains("assets/fonts/vazirmatn-OFL.txt", "Copyright 2015 The Vazirmatn Project Authors");
    }

    [Fact]
    public void Serve_holds_the_same_font_files_as_a_build()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);
        var session = new SiteSession(new BuildOptions(Path.Combine(folder, "input"), Repository.Theme, Path.Combine(folder, "output"), null, folder) { ToolsFolder = Repository.Root });

        Assert.True(session.Rebuild().Succeeded);

        foreach (var (source, path) in WebFonts.Files)
        {
            Assert.Equal(File.ReadAllBytes(PackageFile(source)), session.Current!.File(path));
        }
    }

    [Fact]
    public void Without_the_font_package_the_site_builds_with_a_warning_and_falls_back_to_system_fonts()
    {
        // Tools with Pagefind and DejaVu but no vazirmatn; the share images draw Persian with DejaVu Sans, which has Arabic letters.
        var tools = TestSite.NewFolder();
        var modules = Directory.CreateDirectory(Path.Combine(tools, "node_modules")).FullName;
        foreach (var package in new[] { "dejavu-fonts-ttf", "@pagefind" })
        {
            Directory.CreateSymbolicLink(Path.Combine(modules, package), Path.Combine(Repository.Root, "node_modules", package));
        }

        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);
        var design = Path.Combine(folder, "theme", "share-image.yml");
        Directory.CreateDirectory(Path.GetDirectoryName(design)!);
        File.WriteAllText(design, File.ReadAllText(Path.Combine(Repository.Theme, "share-image.yml"))
            .Replace("persian_font: vazirmatn/fonts/ttf/Vazirmatn-Regular.ttf", "persian_font: dejavu-fonts-ttf/ttf/DejaVuSans.ttf", StringComparison.Ordinal));

        using var site = TestSite.BuildIn(folder, toolsFolder: tools);

        Assert.True(site.Result.Succeeded, string.Join('\n', site.Errors));
        var warning = Assert.Single(site.Result.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("TL0406", warning.Code);
        Assert.Contains("npm ci --ignore-scripts", warning.Message, StringComparison.Ordinal);
        Assert.EndsWith("node_modules/vazirmatn/", warning.Path, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(site.Output, "assets", "fonts")));
        site.AssertFileContains("index.html", "<link rel=\"stylesheet\"");
        site.AssertFileContains("assets/style.css", "--text-font: Vazirmatn, Tahoma, \"DejaVu Sans\", sans-serif;");
        Directory.Delete(tools, recursive: true);
    }

    [GeneratedRegex(@"@font-face\s*\{[^}]*\}")]
    private static partial Regex FontFace();

    [GeneratedRegex(@"url\(""([^""]+)""\)")]
    private static partial Regex FontUrl();
}

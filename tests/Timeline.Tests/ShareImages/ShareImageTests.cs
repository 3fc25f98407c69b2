using SkiaSharp;
using Timeline.Pipeline;
using Timeline.ShareImages;
using Timeline.Tests.Support;

namespace Timeline.Tests.ShareImages;

/// <summary>Share images: drawn once and then reused until what they show changes; Persian shaped and ordered right to left.</summary>
public sealed class ShareImageTests
{
    [Fact]
    public void A_second_build_reuses_every_image_and_a_changed_title_redraws_only_that_event()
    {
        // Six images: one per event of the basic fixture (five) and the site's own.
        var folder = BasicSite();
        var cache = Path.Combine(folder, ".timeline-cache");

        using var first = TestSite.BuildIn(folder);
        first.AssertSucceeded();
        Assert.Equal((6, 0), (first.Result.ShareImagesDrawn, first.Result.ShareImagesReused));
        Assert.Equal(6, Directory.GetFiles(cache, "*.png").Length);
        var before = Images(first.Output);

        var second = TestSite.BuildIn(folder);
        Assert.Equal((0, 6), (second.Result.ShareImagesDrawn, second.Result.ShareImagesReused));
        Assert.Equal(before, Images(second.Output));

        var file = Path.Combine(folder, "input", "events", "1988", "first-event.yml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("title: The first event", "title: The first event, renamed", StringComparison.Ordinal));
        var third = TestSite.BuildIn(folder);
        third.AssertSucceeded();
        Assert.Equal((1, 5), (third.Result.ShareImagesDrawn, third.Result.ShareImagesReused));
        var after = Images(third.Output);
        Assert.NotEqual(before["events/first-event/share.png"], after["events/first-event/share.png"]);
        Assert.All(before.Keys.Where(k => k != "events/first-event/share.png"), k => Assert.Equal(before[k], after[k]));

        // The old image of the renamed event is dropped from the cache.
        Assert.Equal(6, Directory.GetFiles(cache, "*.png").Length);
    }

    [Fact]
    public void An_image_the_last_output_holds_unchanged_is_taken_unread_and_one_changed_there_is_made_again()
    {
        var folder = BasicSite();
        using var first = TestSite.BuildIn(folder);
        var before = Images(first.Output);

        // The second build records each image's key with its file; then the cache's copies are replaced by files that
        // are not images (new files: written into, they would be the output's too, linked from the cache), so a
        // build that read them would draw every image again.
        TestSite.BuildIn(folder).AssertSucceeded();
        foreach (var cached in Directory.GetFiles(Path.Combine(folder, ".timeline-cache"), "*.png"))
        {
            File.Delete(cached);
            File.WriteAllText(cached, "not a PNG");
        }

        var third = TestSite.BuildIn(folder);
        third.AssertSucceeded();
        Assert.Equal((0, 6), (third.Result.ShareImagesDrawn, third.Result.ShareImagesReused));
        Assert.Equal(before, Images(third.Output));

        // An image changed by hand in the output is not taken: it is made again (drawn, as its cached copy is spoiled).
        var image = Path.Combine(third.Output, "events", "first-event", "share.png");
        File.WriteAllBytes(image, [.. File.ReadAllBytes(image), 0]);
        var fourth = TestSite.BuildIn(folder);
        fourth.AssertSucceeded();
        Assert.Equal((1, 5), (fourth.Result.ShareImagesDrawn, fourth.Result.ShareImagesReused));
        Assert.Equal(before, Images(fourth.Output));
    }

    [Fact]
    public void An_image_drawn_again_without_the_cache_is_byte_identical()
    {
        var folder = BasicSite();
        using var first = TestSite.BuildIn(folder);
        var before = Images(first.Output);

        Directory.Delete(Path.Combine(folder, ".timeline-cache"), recursive: true);
        var again = TestSite.BuildIn(folder);

        Assert.Equal(6, again.Result.ShareImagesDrawn);
        Assert.Equal(before, Images(again.Output));
    }

    [Fact]
    public void A_cached_image_that_is_not_a_png_is_drawn_again()
    {
        var folder = BasicSite();
        using var first = TestSite.BuildIn(folder);
        var before = Images(first.Output);
        var cached = Directory.GetFiles(Path.Combine(folder, ".timeline-cache"), "*.png").Order(StringComparer.Ordinal).ToList();
        File.WriteAllText(cached[0], "not a PNG");
        File.WriteAllBytes(cached[1], []);

        var again = TestSite.BuildIn(folder);

        Assert.Equal((2, 4), (again.Result.ShareImagesDrawn, again.Result.ShareImagesReused));
        Assert.Equal(before, Images(again.Output));
    }

    [Fact]
    public void Cached_images_are_linked_into_an_output_on_the_same_file_system_not_copied()
    {
        var folder = BasicSite();
        using var first = TestSite.BuildIn(folder);
        var before = Images(first.Output);
        Directory.Delete(first.Output, recursive: true);

        // From cold: no output, so nothing is taken from one; the cache and the output share /tmp.
        var second = TestSite.BuildIn(folder);
        second.AssertSucceeded();
        Assert.Equal((0, 6), (second.Result.ShareImagesDrawn, second.Result.ShareImagesReused));
        Assert.Equal(before, Images(second.Output));
        var cached = Directory.GetFiles(Path.Combine(folder, ".timeline-cache"), "*.png").Select(FileId).ToHashSet();
        Assert.Equal(6, cached.Count);
        Assert.Equal(cached, ImageFiles(second.Output).Select(FileId).ToHashSet());

        // The next build takes them from its output, still the cache's files.
        var third = TestSite.BuildIn(folder);
        Assert.Equal(before, Images(third.Output));
        Assert.Equal(cached, ImageFiles(third.Output).Select(FileId).ToHashSet());
    }

    [Fact]
    public void An_image_changed_by_hand_through_a_link_to_the_cache_is_drawn_again_and_the_cached_one_replaced()
    {
        var folder = BasicSite();
        using var first = TestSite.BuildIn(folder);
        var before = Images(first.Output);
        var second = TestSite.BuildIn(folder);
        Assert.Equal((0, 6), (second.Result.ShareImagesDrawn, second.Result.ShareImagesReused));

        // Written into in place, the output's image is the cache's file: both change.
        var image = Path.Combine(second.Output, "events", "first-event", "share.png");
        var cachedFile = Directory.GetFiles(Path.Combine(folder, ".timeline-cache"), "*.png").Single(f => FileId(f) == FileId(image));
        using (var stream = new FileStream(image, FileMode.Append))
        {
            stream.WriteByte(0);
        }

        Assert.NotEqual(before["events/first-event/share.png"], Hash(cachedFile));

        var third = TestSite.BuildIn(folder);
        third.AssertSucceeded();
        Assert.Equal((1, 5), (third.Result.ShareImagesDrawn, third.Result.ShareImagesReused));
        Assert.Equal(before, Images(third.Output));
        Assert.Equal(before["events/first-event/share.png"], Hash(cachedFile));
    }

    [Fact]
    public void Cached_images_are_read_and_written_into_an_output_on_another_file_system()
    {
        // /dev/shm is tmpfs; the test sites are under /tmp, on the disk.
        var folder = BasicSite();
        var cache = Path.Combine("/dev/shm", "timeline-tests-" + Guid.NewGuid().ToString("N"));
        Assert.True(FileId(folder).Split(':')[0] != FileId("/dev/shm").Split(':')[0], "This test needs /dev/shm on another file system than the test sites.");
        try
        {
            BuildResult Build() => TimelineBuilder.Build(new BuildOptions(Path.Combine(folder, "input"), Repository.Theme, Path.Combine(folder, "output"), null, folder) { ToolsFolder = Repository.Root, CacheFolder = cache });
            Assert.Equal(6, Build().ShareImagesDrawn);
            var before = Images(Path.Combine(folder, "output"));
            Directory.Delete(Path.Combine(folder, "output"), recursive: true);

            var again = Build();

            Assert.Empty(again.Diagnostics);
            Assert.Equal((0, 6), (again.ShareImagesDrawn, again.ShareImagesReused));
            Assert.Equal(before, Images(Path.Combine(folder, "output")));
            var cached = Directory.GetFiles(cache, "*.png").Select(FileId).ToHashSet();
            Assert.Equal(6, cached.Count);
            Assert.All(ImageFiles(Path.Combine(folder, "output")).Select(FileId), id => Assert.DoesNotContain(id, cached));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public void A_changed_design_redraws_every_image()
    {
        var folder = BasicSite();
        TestSite.CopyFolder(Repository.Theme, Path.Combine(folder, "theme"));
        using var first = TestSite.BuildIn(folder);
        Assert.Equal(6, first.Result.ShareImagesDrawn);

        var design = Path.Combine(folder, "theme", "share-image.yml");
        File.WriteAllText(design, File.ReadAllText(design).Replace("background: \"#1d1d1f\"", "background: \"#202020\"", StringComparison.Ordinal));
        var second = TestSite.BuildIn(folder);

        second.AssertSucceeded();
        Assert.Equal((6, 0), (second.Result.ShareImagesDrawn, second.Result.ShareImagesReused));
        using var bitmap = SKBitmap.Decode(File.ReadAllBytes(Path.Combine(second.Output, "share.png")));
        Assert.Equal(new SKColor(0x20, 0x20, 0x20), bitmap.GetPixel(5, 5));
    }

    [Fact]
    public void Without_the_font_packages_the_build_names_the_package_and_npm_ci()
    {
        var folder = BasicSite();
        var tools = Path.Combine(folder, "no-tools");
        Directory.CreateDirectory(Path.Combine(tools, "node_modules"));

        var result = TimelineBuilder.Build(new BuildOptions(Path.Combine(folder, "input"), Repository.Theme, Path.Combine(folder, "output"), null, Repository.Root) { ToolsFolder = tools });

        Assert.False(result.Succeeded);
        Assert.False(Directory.Exists(Path.Combine(folder, "output")));
        var errors = result.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Contains("theme/share-image.yml:8:13: error TL0702: the font 'dejavu-fonts-ttf/ttf/DejaVuSerif.ttf' named by 'title_font' is not installed: the npm package 'dejavu-fonts-ttf' is missing from node_modules. Run 'npm install --ignore-scripts' in the site's folder, the one with package.json (in Timeline's own repository, 'npm ci --ignore-scripts'), then build again.", errors);
        Assert.Contains(errors, e => e.Contains("TL0702", StringComparison.Ordinal) && e.Contains("'vazirmatn'", StringComparison.Ordinal));
    }

    [Fact]
    public void Persian_letters_are_shaped_in_their_joining_forms_right_to_left()
    {
        using var fixture = new Fonts();

        // Alone, each letter takes its isolated form; in the word تیر they join: initial, medial, final.
        var word = fixture.Shape("تیر", rightToLeft: true);
        var isolated = "تیر".Select(c => fixture.Shape(c.ToString(), rightToLeft: true).Runs.Single().Glyphs.Single()).ToArray();
        var glyphs = word.Runs.Single().Glyphs;
        Assert.Equal(3, glyphs.Length);

        // Right to left: the first glyph drawn (leftmost) is the last letter.
        var logical = glyphs.Reverse().ToArray();
        Assert.All(Enumerable.Range(0, 3), i => Assert.NotEqual(isolated[i], logical[i]));
    }

    [Fact]
    public void Numbers_inside_persian_text_read_left_to_right()
    {
        using var fixture = new Fonts();
        var one = fixture.Shape("۱", rightToLeft: true).Runs.Single().Glyphs.Single();
        var seven = fixture.Shape("۷", rightToLeft: true).Runs.Single().Glyphs.Single();
        var two = fixture.Shape("۲", rightToLeft: true).Runs.Single().Glyphs.Single();

        var line = fixture.Shape("۲۴ مرداد ۱۳۶۷", rightToLeft: true);

        // Visual order, left to right: the year (۱۳۶۷ in reading order), the month, then the day on the right.
        var leftmost = line.Runs[0].Glyphs;
        Assert.Equal(one, leftmost[0]);
        Assert.Equal(seven, leftmost[^1]);
        Assert.Equal(two, line.Runs[^1].Glyphs[0]);
        Assert.Equal([false, true, false], line.Runs.Select(r => r.RightToLeft));
    }

    [Theory]
    [InlineData("را ۳۰٬۰۰۰ نفر", "۳۰٬۰۰۰")]
    [InlineData("را 30,000 نفر", "30,000")]
    [InlineData("سال ۱۳۶۷/۶۸ بود", "۱۳۶۷/۶۸")]
    public void A_number_with_its_separators_is_one_left_to_right_run_inside_persian(string text, string number)
    {
        using var fixture = new Fonts();
        var whole = fixture.Shape(number, rightToLeft: false).Runs.Single().Glyphs;

        var line = fixture.Shape(text, rightToLeft: true);

        // Three runs: the Persian after the number on the left, the number left to right, the Persian before it on the right.
        Assert.Equal([true, false, true], line.Runs.Select(r => r.RightToLeft));
        Assert.Equal(whole, line.Runs[1].Glyphs);
    }

    [Fact]
    public void An_event_card_shows_the_summary_and_is_drawn_again_when_only_the_summary_changes()
    {
        var folder = BasicSite();
        using var first = TestSite.BuildIn(folder);
        first.AssertSucceeded();
        var before = Images(first.Output);

        var file = Path.Combine(folder, "input", "events", "1988", "first-event.yml");
        var text = File.ReadAllText(file);
        var summary = System.Text.RegularExpressions.Regex.Match(text, "^summary: (.+)$", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value;
        Assert.NotEmpty(summary);
        File.WriteAllText(file, text.Replace("summary: " + summary, "summary: A different summary.", StringComparison.Ordinal));
        var second = TestSite.BuildIn(folder);
        second.AssertSucceeded();

        Assert.Equal((1, 5), (second.Result.ShareImagesDrawn, second.Result.ShareImagesReused));
        Assert.NotEqual(before["events/first-event/share.png"], Images(second.Output)["events/first-event/share.png"]);
    }

    /// <summary>A new folder with a copy of the basic fixture site: five events, so six images with the site's own.</summary>
    private static string BasicSite()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);
        return folder;
    }

    private static Dictionary<string, string> Images(string output) =>
        ImageFiles(output).ToDictionary(f => Path.GetRelativePath(output, f).Replace('\\', '/'), Hash);

    private static IEnumerable<string> ImageFiles(string output) => Directory.EnumerateFiles(output, "share.png", SearchOption.AllDirectories);

    private static string Hash(string file) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));

    /// <summary>The file system and the file itself (device and inode, from stat(1)): two names of one file have the same.</summary>
    private static string FileId(string path)
    {
        using var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%d:%i", path]) { RedirectStandardOutput = true })!;
        var id = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        Assert.Equal(0, stat.ExitCode);
        return id;
    }

    private sealed class Fonts : IDisposable
    {
        private readonly SKTypeface _latin = SKTypeface.FromFile(Path.Combine(Repository.Root, "node_modules", "dejavu-fonts-ttf", "ttf", "DejaVuSans.ttf"));
        private readonly SKTypeface _persian = SKTypeface.FromFile(Path.Combine(Repository.Root, "node_modules", "vazirmatn", "fonts", "ttf", "Vazirmatn-Regular.ttf"));
        private readonly ShaperSet _shapers = new();

        public ShapedLine Shape(string text, bool rightToLeft) => ShapedLine.Shape(text, rightToLeft, 40, _shapers, _latin, _persian);

        public void Dispose()
        {
            _shapers.Dispose();
            _latin.Dispose();
            _persian.Dispose();
        }
    }
}

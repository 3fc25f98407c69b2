using System.Text.Json;
using Timeline.Output;
using Timeline.Tests.Support;

namespace Timeline.Tests.Rendering;

/// <summary>
/// The feeds and the data files (events.json, sources.json, timelinejs.json) are made of one part per event or source:
/// a build copies each part whose key is unchanged from the file the last build wrote, and makes the rest. The files
/// must still be a clean build's bytes (Pipeline/IncrementalBuildPropertyTests checks that over random edits; these
/// check that parts are in fact copied, and when they must not be).
/// </summary>
public sealed class FilePartsTests
{
    private static readonly string[] Trees = ["", "fa/"];

    private static readonly string[] Files = ["feed.xml", "events.json", "sources.json", "timelinejs.json"];

    [Fact]
    public void A_title_edit_makes_again_only_the_parts_that_show_the_event_and_every_file_is_a_clean_builds()
    {
        using var site = TestSite.Build("valid/translations");
        site.AssertSucceeded();
        var total = Trees.Sum(tree => (3 * Count(site, tree + "events.json", "events")) + Count(site, tree + "sources.json", "sources"));

        // The first build, into no output, records nothing; the second records every part, and the third copies them all.
        Assert.Equal(0, TestSite.BuildIn(site.Folder).Result.PartsReused);
        var again = TestSite.BuildIn(site.Folder);
        again.AssertSucceeded();
        Assert.Equal(total, again.Result.PartsReused);

        // The event's entry in the feed, events.json and timelinejs.json of each language, and the item of each source
        // it cites in sources.json (its title is listed there), are made again; nothing else is.
        var file = Path.Combine(site.Folder, "input", "events", "1988", "first-event.yml");
        File.WriteAllText(file, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(file), "^title: .*$", "title: \"A <new> title & more\"", System.Text.RegularExpressions.RegexOptions.Multiline));
        var edited = TestSite.BuildIn(site.Folder);
        edited.AssertSucceeded();
        var citing = CitedBy(site, "sources.json", "first-event");
        Assert.True(citing > 0);
        Assert.Equal(total - (Trees.Length * (3 + citing)), edited.Result.PartsReused);

        using var clean = CleanBuildOf(site);
        foreach (var path in Trees.SelectMany(tree => Files.Select(name => tree + name)))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(clean.Output, path)), File.ReadAllBytes(Path.Combine(site.Output, path)));
        }

        Assert.Contains("A &lt;new&gt; title &amp; more", site.Read("feed.xml"), StringComparison.Ordinal);
        Assert.Contains("A <new> title & more", site.Read("events.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_changed_in_the_output_by_hand_is_made_whole_again()
    {
        using var site = TestSite.Build("valid/translations");
        TestSite.BuildIn(site.Folder);
        var total = TestSite.BuildIn(site.Folder).Result.PartsReused;
        Assert.True(total > 0);

        // Same length, new bytes: only the time of last change tells, as for a page.
        var events = Path.Combine(site.Output, "events.json");
        var built = File.ReadAllText(events);
        File.WriteAllText(events, built.Replace("\"title\"", "\"TITLE\"", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(events, File.GetLastWriteTimeUtc(events).AddSeconds(5));

        var rebuilt = TestSite.BuildIn(site.Folder);
        rebuilt.AssertSucceeded();
        Assert.Equal(built, File.ReadAllText(events));
        Assert.Equal(total - Count(site, "events.json", "events"), rebuilt.Result.PartsReused);
    }

    [Fact]
    public void Parts_that_do_not_fit_the_last_file_are_not_taken_and_none_are_without_a_key()
    {
        var path = Path.Combine(TestSite.NewFolder(), "last.json");
        File.WriteAllText(path, "0123456789");
        using (var fitting = FileParts.Keyed(i => $"k{i}", File.OpenHandle(path), 10, [new FilePart("k1", 2, 3)]))
        {
            Assert.True(fitting.TryTake(fitting.Key(1), out var part));
            Assert.Equal("234"u8.ToArray(), part.ToArray());
            Assert.False(fitting.TryTake(fitting.Key(2), out _));
            Assert.Equal(1, fitting.Taken);
        }

        using (var damaged = FileParts.Keyed(i => $"k{i}", File.OpenHandle(path), 10, [new FilePart("k1", 2, 3), new FilePart("k2", 8, 3)]))
        {
            Assert.False(damaged.Has("k1"));
            Assert.False(damaged.TryTake("k1", out _));
        }

        Assert.Null(FileParts.None.Key(0));
        Assert.False(FileParts.None.TryTake("k1", out _));
        FileParts.None.Wrote("k1", 0, 1);
        Assert.Null(FileParts.None.Written);
    }

    private static TestSite CleanBuildOf(TestSite site)
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(site.Folder, "input"), Path.Combine(folder, "input"));
        var clean = TestSite.BuildIn(folder);
        clean.AssertSucceeded();
        return clean;
    }

    private static int Count(TestSite site, string path, string list)
    {
        using var json = JsonDocument.Parse(site.Read(path));
        return json.RootElement.GetProperty(list).GetArrayLength();
    }

    private static int CitedBy(TestSite site, string path, string eventId)
    {
        using var json = JsonDocument.Parse(site.Read(path));
        return json.RootElement.GetProperty("sources").EnumerateArray()
            .Count(s => s.GetProperty("cited_by").EnumerateArray().Any(e => e.GetProperty("id").GetString() == eventId));
    }
}

using System.Text;
using Timeline.Loading;
using Timeline.Output;
using Timeline.Pipeline;
using Timeline.Tests.Support;

namespace Timeline.Tests.Loading;

/// <summary>
/// A build parses again only the event files whose text changed, and takes the others as the last build parsed them;
/// the result is always a clean build's (Pipeline/IncrementalBuildPropertyTests checks that over random edits).
/// </summary>
public sealed class ParsedEventCacheTests
{
    private static string Cached(string folder) => Path.Combine(folder, ".timeline-cache", "events.bin");

    [Fact]
    public void A_second_build_parses_no_event_file_and_an_edit_parses_only_the_edited_file()
    {
        using var first = TestSite.Build(Path.Combine("valid", "basic"));
        first.AssertSucceeded();
        Assert.Equal(0, first.Result.ParsesReused);

        var second = TestSite.BuildIn(first.Folder);
        second.AssertSucceeded();
        Assert.Equal(5, second.Result.ParsesReused);

        var file = Path.Combine(first.Folder, "input", "events", "1988", "first-event.yml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("title: The first event", "title: The first event, renamed", StringComparison.Ordinal));
        var edited = TestSite.BuildIn(first.Folder);
        edited.AssertSucceeded();
        Assert.Equal(4, edited.Result.ParsesReused);
        Assert.Contains("The first event, renamed", File.ReadAllText(Path.Combine(edited.Output, "events", "first-event", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_unchanged_for_a_second_is_not_read_again_and_one_changed_since_is()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);

        // Stamps are recorded only for files that last changed a second or more before the build began.
        Thread.Sleep(1100);
        var first = TestSite.BuildIn(folder);
        first.AssertSucceeded();
        Assert.Equal(0, first.Result.EventFilesUnread);

        var second = TestSite.BuildIn(folder);
        second.AssertSucceeded();
        Assert.Equal(5, second.Result.ParsesReused);
        Assert.Equal(5, second.Result.EventFilesUnread);

        // The same length, so that only the times and the text tell the edit.
        var file = Path.Combine(folder, "input", "events", "1988", "first-event.yml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("title: The first event", "title: The FIRST event", StringComparison.Ordinal));
        var edited = TestSite.BuildIn(folder);
        edited.AssertSucceeded();
        Assert.Equal(4, edited.Result.EventFilesUnread);
        Assert.Contains("The FIRST event", File.ReadAllText(Path.Combine(edited.Output, "events", "first-event", "index.html")), StringComparison.Ordinal);

        // Changed just before that build, its stamp was not recorded then: it is read again, and the site is the same.
        var again = TestSite.BuildIn(folder);
        again.AssertSucceeded();
        Assert.Equal(4, again.Result.EventFilesUnread);
        Assert.Contains("The FIRST event", File.ReadAllText(Path.Combine(again.Output, "events", "first-event", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_an_error_is_parsed_and_reported_on_every_build()
    {
        using var first = TestSite.Build(Path.Combine("valid", "basic"));
        var file = Path.Combine(first.Folder, "input", "events", "1988", "first-event.yml");
        // A summary too long is an error, yet the event is still read: its parse must not be kept.
        var summary = "summary: " + string.Join(' ', Enumerable.Repeat("word", EventLoader.MaxSummaryLength));
        File.WriteAllText(file, File.ReadAllText(file).Replace("summary: The first event happened over several weeks.", summary, StringComparison.Ordinal));

        var broken = TestSite.BuildIn(first.Folder);
        var again = TestSite.BuildIn(first.Folder);

        Assert.Equal(4, again.Result.ParsesReused);
        Assert.NotEmpty(broken.Errors);
        Assert.Equal(broken.Errors, again.Errors);
        Assert.Contains(again.Result.Diagnostics, d => d.Path.EndsWith("first-event.yml", StringComparison.Ordinal));
    }

    [Fact]
    public void A_damaged_record_or_entry_is_parsed_again_and_the_site_is_the_same()
    {
        using var first = TestSite.Build(Path.Combine("valid", "basic"));
        TestSite.BuildIn(first.Folder).AssertSucceeded();
        var page = Path.Combine(first.Output, "events", "first-event", "index.html");
        var built = File.ReadAllText(page);

        // One entry spoiled where its title is, its length kept: the title's length made to run past the entry's end,
        // or a byte of the title made one that UTF-8 never has. That event is parsed again, the others are not.
        foreach (var (offset, value) in new[] { (-1, (byte)0xFF), (0, (byte)0xFF) })
        {
            var bytes = File.ReadAllBytes(Cached(first.Folder));
            var at = bytes.AsSpan().IndexOf("The first event"u8);
            Assert.True(at > 0);
            bytes[at + offset] = value;
            File.WriteAllBytes(Cached(first.Folder), bytes);
            var spoiled = TestSite.BuildIn(first.Folder);
            spoiled.AssertSucceeded();
            Assert.Equal(4, spoiled.Result.ParsesReused);
            Assert.Equal(built, File.ReadAllText(page));
        }

        // A record cut short: every file is parsed.
        var whole = File.ReadAllBytes(Cached(first.Folder));
        File.WriteAllBytes(Cached(first.Folder), whole[..^1]);
        var cut = TestSite.BuildIn(first.Folder);
        cut.AssertSucceeded();
        Assert.Equal(0, cut.Result.ParsesReused);
        Assert.Equal(built, File.ReadAllText(page));
    }

    [Fact]
    public void A_check_writes_no_record()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);
        var result = TimelineBuilder.Check(new BuildOptions(Path.Combine(folder, "input"), Repository.Theme, Path.Combine(folder, "output"), null, folder) { ToolsFolder = Repository.Root });

        Assert.True(result.Succeeded);
        Assert.False(File.Exists(Cached(folder)));
    }

    [Fact]
    public void Records_read_back_as_written_and_one_cut_short_or_of_another_layout_reads_as_none()
    {
        var entries = new Dictionary<string, ReadOnlyMemory<byte>>
        {
            [new string('A', KeyedRecord.KeyLength)] = Encoding.UTF8.GetBytes("an entry's bytes"),
            [new string('B', KeyedRecord.KeyLength)] = Array.Empty<byte>(),
        };
        using var stream = new MemoryStream();
        ParsedEventCache.Write(stream, entries.ToList());
        var bytes = stream.ToArray();

        var read = ParsedEventCache.Entries(bytes);
        Assert.Equal(entries.Keys.Order(), read.Keys.Order());
        Assert.All(entries, e => Assert.Equal(e.Value.ToArray(), read[e.Key].ToArray()));

        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Empty(ParsedEventCache.Entries(bytes[..length]));
        }

        Assert.Empty(ParsedEventCache.Entries([.. bytes, 0]));
        bytes[1] ^= 0x20;
        Assert.Empty(ParsedEventCache.Entries(bytes));
    }
}

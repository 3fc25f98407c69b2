using Timeline.Tests.Support;

namespace Timeline.Tests.Cli;

/// <summary>
/// A build in a process of its own is not collected when the last build of the same input allocated little (see
/// Timeline.Cli.CollectionBudget); --timings says so.
/// </summary>
public sealed class CollectionBudgetTests
{
    private const string Held = "no collection before 160 MB allocated";

    [Fact]
    public void A_build_is_held_from_collections_only_after_a_successful_build_that_allocated_little()
    {
        var folder = TestSite.NewFolder();
        CliProcess.WriteLargeSite(folder, 3);
        var record = Path.Combine(folder, ".timeline-cache", "allocated");

        // The first build knows nothing of the last, and keeps what it allocated.
        var first = Build(folder);
        Assert.DoesNotContain(Held, first, StringComparison.Ordinal);
        var allocated = long.Parse(File.ReadAllText(record), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(allocated, 1, 128L * 1024 * 1024);

        Assert.Contains(Held, Build(folder), StringComparison.Ordinal);
        var kept = File.ReadAllText(record);

        // A failed build keeps the record of the last good one.
        File.WriteAllText(Path.Combine(folder, "input", "events", "broken.yml"), "date: \"1988-13-40\"\ntitle: Broken\n");
        var failed = CliProcess.Run(folder, null, "build", "--theme", Repository.Theme, "--timings");
        Assert.NotEqual(0, failed.Code);
        Assert.Contains(Held, failed.Errors, StringComparison.Ordinal);
        Assert.Equal(kept, File.ReadAllText(record));
        File.Delete(Path.Combine(folder, "input", "events", "broken.yml"));

        // A last build that allocated more than the budget leaves the next one collected as usual, as does no record at all.
        File.WriteAllText(record, (200L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(Held, Build(folder), StringComparison.Ordinal);
        File.WriteAllText(record, "not a number");
        Assert.DoesNotContain(Held, Build(folder), StringComparison.Ordinal);
        Assert.Contains(Held, Build(folder), StringComparison.Ordinal);
    }

    private static string Build(string folder)
    {
        var run = CliProcess.Run(folder, null, "build", "--theme", Repository.Theme, "--timings");
        Assert.True(run.Code == 0, run.Errors);
        return run.Errors;
    }
}

using System.Runtime.CompilerServices;
using System.Text;
using Timeline.Output;
using Timeline.Tests.Support;

namespace Timeline.Tests.Output;

/// <summary>A cache record written once a build is done with it, and let go of then: only the file keeps it.</summary>
public sealed class KeyedRecordTests
{
    private static readonly byte[] Layout = "test record 1\n"u8.ToArray();
    private static readonly string Key = new('A', KeyedRecord.KeyLength);

    [Fact]
    public void A_saved_record_lets_go_of_its_entries_once_they_are_written_and_the_file_keeps_them()
    {
        var folder = Path.Combine(TestSite.NewFolder(), ".timeline-cache");
        var record = KeyedRecord.Open(folder, "test.bin", Layout);
        var entry = KeepEntry(record);

        record.Save();
        record.Flush();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(entry.IsAlive, "the record still holds an entry it has written");
        var again = KeyedRecord.Open(folder, "test.bin", Layout);
        Assert.True(again.TryGet(Key, out var bytes));
        Assert.Equal("an entry's bytes", Encoding.UTF8.GetString(bytes.Span));
    }

    [Fact]
    public void A_record_saved_with_nothing_new_is_left_as_it_was()
    {
        var folder = Path.Combine(TestSite.NewFolder(), ".timeline-cache");
        var first = KeyedRecord.Open(folder, "test.bin", Layout);
        KeepEntry(first);
        first.Save();
        first.Flush();
        var written = File.GetLastWriteTimeUtc(Path.Combine(folder, "test.bin"));

        var second = KeyedRecord.Open(folder, "test.bin", Layout);
        Assert.True(second.TryGet(Key, out var bytes));
        second.Use(Key, bytes);
        File.SetLastWriteTimeUtc(Path.Combine(folder, "test.bin"), written.AddDays(-1));
        second.Save();
        second.Flush();

        Assert.Equal(written.AddDays(-1), File.GetLastWriteTimeUtc(Path.Combine(folder, "test.bin")));
        Assert.True(KeyedRecord.Open(folder, "test.bin", Layout).TryGet(Key, out _));
    }

    // Not inlined, so that no local of the test keeps the entry's bytes alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference KeepEntry(KeyedRecord record)
    {
        var bytes = Encoding.UTF8.GetBytes("an entry's bytes");
        record.Keep(Key, bytes);
        return new WeakReference(bytes);
    }
}

using System.Collections.Concurrent;
using Timeline.Output;

namespace Timeline.Tests.Output;

public sealed class DiskThreadsTests
{
    [Fact]
    public void Keeps_as_many_bodies_running_at_once_as_it_has_threads_whatever_the_cores()
    {
        // Each body waits until all the others have started: with fewer at a time, the barrier times out.
        using var barrier = new Barrier(DiskThreads.Count);
        var met = new ConcurrentBag<bool>();
        var threads = new ConcurrentDictionary<int, byte>();
        using (var disk = new DiskThreads())
        {
            Parallel.For(0, DiskThreads.Count, disk.Options, _ =>
            {
                threads[Environment.CurrentManagedThreadId] = 0;
                met.Add(barrier.SignalAndWait(TimeSpan.FromSeconds(30)));
            });
        }

        Assert.Equal(DiskThreads.Count, met.Count);
        Assert.All(met, Assert.True);
        Assert.Equal(DiskThreads.Count, threads.Count);
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, threads.Keys);
    }

    [Fact]
    public void Runs_every_body_once_and_hands_back_what_they_threw()
    {
        var seen = new ConcurrentBag<int>();
        using var disk = new DiskThreads();
        Parallel.For(0, 1000, disk.Options, seen.Add);
        Assert.Equal(Enumerable.Range(0, 1000), seen.Order());

        var thrown = Assert.Throws<AggregateException>(() => Parallel.For(0, 100, disk.Options, i =>
        {
            if (i == 42)
            {
                throw new IOException("gone");
            }
        }));
        Assert.IsType<IOException>(Assert.Single(thrown.InnerExceptions));
    }
}

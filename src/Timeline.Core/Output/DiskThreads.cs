using System.Collections.Concurrent;

namespace Timeline.Output;

/// <summary>
/// Threads of their own for work that mostly waits on the disk: copying thousands of small cached files back into the
/// site. The thread pool sizes itself for work that keeps processors busy (two threads on two cores), so a disk whose
/// cache was emptied would see two reads at a time; it serves more at once faster. Reading the search index's 106,420
/// cached files with the kernel's cache emptied: 9.9 s two at a time, 6.8 s four, 4.5 s sixteen (docs/benchmarks.md).
/// The threads end when this is disposed.
/// </summary>
internal sealed class DiskThreads : TaskScheduler, IDisposable
{
    /// <summary>How many reads are kept in flight.</summary>
    public const int Count = 16;

    private readonly BlockingCollection<Task> _queue = [];
    private readonly Thread[] _threads;

    public DiskThreads()
    {
        _threads = new Thread[Count];
        for (var i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = "timeline disk" };
            _threads[i].Start();
        }
    }

    /// <summary>For Parallel.ForEach: as many bodies at a time as there are threads, all on them.</summary>
    public ParallelOptions Options => new() { TaskScheduler = this, MaxDegreeOfParallelism = Count };

    public override int MaximumConcurrencyLevel => Count;

    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _queue.Dispose();
    }

    protected override void QueueTask(Task task) => _queue.Add(task);

    // A task waited on from one of these threads runs there; from another thread it waits its turn in the queue.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        !taskWasPreviouslyQueued && _threads.Contains(Thread.CurrentThread) && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Work()
    {
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }
}

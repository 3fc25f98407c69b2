using System.Runtime.CompilerServices;

namespace Timeline.Tests.Support;

/// <summary>
/// Many tests block a pool thread while a child process runs (builds, Pagefind, git, node). On a two-core CI machine
/// the pool then grows by about one thread a second, and the browser tests' file server, which answers on pool
/// threads, can wait long enough for Chromium's navigation to time out. A higher floor lets it answer at once.
/// </summary>
internal static class ThreadPoolFloor
{
    [ModuleInitializer]
    internal static void Raise()
    {
        ThreadPool.GetMinThreads(out var workers, out var ports);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(ports, 64));
    }
}

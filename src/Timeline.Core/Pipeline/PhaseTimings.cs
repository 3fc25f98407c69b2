using System.Diagnostics;
using System.Globalization;

namespace Timeline.Pipeline;

/// <summary>
/// How long one step of a build took: wall-clock time, processor time over every thread, and how long the collector
/// stopped the program during it.
/// </summary>
public sealed record PhaseTiming(string Name, TimeSpan Elapsed, TimeSpan Cpu, TimeSpan Paused, long WorkingSet = 0);

/// <summary>
/// Times the steps of a build one after another, for `timeline build --timings`: where the time goes is
/// measured, not guessed. Each mark closes the step that ran since the previous mark. Processor time is
/// shown too because it stays meaningful on a busy machine, where wall-clock time does not.
/// </summary>
public sealed class PhaseTimings
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<PhaseTiming> _phases = [];
    private TimeSpan _last;
    private TimeSpan _lastCpu = Cpu();
    private TimeSpan _lastPaused = GC.GetTotalPauseDuration();

    public IReadOnlyList<PhaseTiming> Phases => _phases;

    public void Mark(string name)
    {
        var now = _clock.Elapsed;
        var cpu = Cpu();
        var paused = GC.GetTotalPauseDuration();
        _phases.Add(new PhaseTiming(name, now - _last, cpu - _lastCpu, paused - _lastPaused, Environment.WorkingSet));
        _last = now;
        _lastCpu = cpu;
        _lastPaused = paused;
    }

    /// <summary>One line per step, then the total, with the memory the process has held at most.</summary>
    public static string Format(IReadOnlyList<PhaseTiming> phases)
    {
        var total = new PhaseTiming("total", Sum(phases, p => p.Elapsed), Sum(phases, p => p.Cpu), Sum(phases, p => p.Paused));
        var lines = phases.Append(total).Select(p => string.Create(
            CultureInfo.InvariantCulture,
            $"  {p.Name,-8} {p.Elapsed.TotalMilliseconds,7:0} ms wall {p.Cpu.TotalMilliseconds,7:0} ms cpu {p.Paused.TotalMilliseconds,6:0} ms paused{(p.WorkingSet > 0 ? $" {p.WorkingSet / (1024 * 1024),5} MB held after" : "")}"));
        var peak = System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
        var collections = string.Join('/', Enumerable.Range(0, GC.MaxGeneration + 1).Select(GC.CollectionCount));
        var paused = GC.GetTotalPauseDuration().TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes() / (1024 * 1024);
        // None in the native program; the program compiled as it runs (dotnet run, the portable package) compiles it all here.
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTime = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;
        return string.Join('\n', lines) + string.Create(
            CultureInfo.InvariantCulture,
            $"\n  peak working set {peak} MB; garbage collections gen0/1/2 {collections}, paused {paused:0} ms; {allocated} MB allocated; {jitted} methods compiled as it ran, in {jitTime:0} ms");
    }

    private static TimeSpan Cpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    private static TimeSpan Sum(IEnumerable<PhaseTiming> phases, Func<PhaseTiming, TimeSpan> part) =>
        phases.Aggregate(TimeSpan.Zero, (sum, p) => sum + part(p));
}

using System.Diagnostics;
using System.Globalization;

namespace Timeline.Cli;

/// <summary>
/// One line on a terminal that says which phase a long build is in and for how long, redrawn in place and
/// cleared at the end. When the output is redirected or CI is set it shows nothing: logs get plain lines only.
/// </summary>
public sealed class ProgressLine : IProgress<string>, IDisposable
{
    // A build shorter than this shows no progress at all.
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(500);

    private readonly TextWriter _terminal;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private readonly Timer _timer;
    private string _phase = "";
    private bool _drawn;

    private ProgressLine(TextWriter terminal)
    {
        _terminal = terminal;
        _timer = new Timer(_ => Draw(), null, Delay, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>A progress line on the given writer when it is the terminal's standard error, else null.</summary>
    public static ProgressLine? For(TextWriter errors) =>
        ReferenceEquals(errors, Console.Error) && !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            ? new ProgressLine(errors)
            : null;

    public void Report(string phase)
    {
        lock (_lock)
        {
            _phase = phase;
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_lock)
        {
            if (_drawn)
            {
                // Back to the line's start and erase it, so the closing line takes its place.
                _terminal.Write("\r\u001b[K");
                _drawn = false;
            }

            _phase = "";
        }
    }

    private void Draw()
    {
        lock (_lock)
        {
            if (_phase.Length == 0)
            {
                return;
            }

            _terminal.Write(string.Create(CultureInfo.InvariantCulture, $"\r\u001b[K{_phase}… {_clock.Elapsed.TotalSeconds:0.0} s"));
            _terminal.Flush();
            _drawn = true;
        }
    }
}

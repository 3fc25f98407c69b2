using System.Diagnostics;
using System.Globalization;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Languages;
using Timeline.Pipeline;
using Timeline.ShareImages;

namespace Timeline.Bench;

/// <summary>
/// Times the drawing of share images, without the cache: every event of a site is drawn (as a first build does),
/// on every core, and the processor time per image is printed. Nothing is written.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length is < 2 or > 3)
        {
            Console.Error.WriteLine("usage: share-images SITE-FOLDER THEME-FOLDER [ROUNDS]");
            return 2;
        }

        var input = Path.GetFullPath(args[0]);
        var theme = Path.GetFullPath(args[1]);
        var rounds = args.Length == 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var options = new BuildOptions(input, theme, Path.Combine(input, "unused-output"), null, input);
        var session = new SiteSession(options);
        var built = session.Rebuild();
        var diagnostics = new DiagnosticBag();
        var design = ShareImageDesignLoader.Load(theme, options.LocateTools(), new PathDisplay(input), diagnostics);
        var strings = ThemeStrings.Load(theme, new PathDisplay(input), diagnostics);
        if (!built.Succeeded || design is null || strings is null)
        {
            Console.Error.WriteLine(string.Join('\n', built.Diagnostics.Concat(diagnostics.Sorted()).Take(20)));
            return 1;
        }

        var site = built.Site!;
        for (var round = 1; round <= rounds; round++)
        {
            // A cache folder that is new each round, so that every image is drawn.
            var cache = Path.Combine(Path.GetTempPath(), $"share-images-bench-{Environment.ProcessId}-{round}");
            var output = new CountingOutput();
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var counts = ShareImageBuilder.Build(site, design, strings, cache, output);
            var bytes = output.Bytes;
            clock.Stop();
            cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Directory.Delete(cache, recursive: true);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"round {round}: {counts.Drawn} images drawn in {clock.Elapsed.TotalSeconds:0.00} s wall, {cpu.TotalSeconds:0.00} s cpu: {cpu.TotalMilliseconds / counts.Drawn:0.00} ms cpu each, {bytes / counts.Drawn / 1024.0:0.0} KiB each; peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB, after {Environment.WorkingSet / (1024 * 1024)} MB, managed heap {GC.GetTotalMemory(false) / (1024 * 1024)} MB"));
        }

        return 0;
    }
}

/// <summary>Counts the images' bytes and keeps none: every image is drawn, none is taken from an earlier output.</summary>
internal sealed class CountingOutput : IShareImageOutput
{
    private long _bytes;

    public long Bytes => Interlocked.Read(ref _bytes);

    public bool Keeps(string path, string key) => false;

    public void Add(string path, ReadOnlySpan<byte> png, string key) => Interlocked.Add(ref _bytes, png.Length);
}

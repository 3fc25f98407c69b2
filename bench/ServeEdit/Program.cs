using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Text;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Languages;
using Timeline.Pipeline;
using Timeline.Theme;
using Timeline.Views;

namespace Timeline.Bench;

/// <summary>
/// Times what `timeline serve` does after one event file is saved: the session's rebuild, step by step, then the
/// edited event's page and the home page (which lists it) rendered as a browser would ask for them. The site is
/// built in memory as serve builds it; nothing is written but the edited file, which is put back at the end.
/// </summary>
public static partial class Program
{
    public static int Main(string[] args)
    {
        if (args.Length is < 2 or > 3)
        {
            Console.Error.WriteLine("usage: serve-edit SITE-FOLDER THEME-FOLDER [EDITS]");
            return 2;
        }

        var input = Path.GetFullPath(args[0]);
        var theme = Path.GetFullPath(args[1]);
        var edits = args.Length == 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        var session = new SiteSession(new BuildOptions(input, theme, Path.Combine(input, "unused-output"), null, input));

        var first = Time(() => session.Rebuild());
        if (!first.Value.Succeeded)
        {
            Console.Error.WriteLine(string.Join('\n', first.Value.Diagnostics.Take(20)));
            return 1;
        }

        var home = Time(() => session.Current!.File("index.html"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first build: {first.Elapsed.TotalMilliseconds:0} ms, {session.Current!.Site.Events.Count} events; home page {home.Elapsed.TotalMilliseconds:0} ms"));
        Console.WriteLine(PhaseTimings.Format(first.Value.Timings));

        // Evenly spread events, the same ones on every run.
        var files = Directory.EnumerateFiles(Path.Combine(input, "events"), "*.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var rows = new List<(double Rebuild, double Cpu, double Event, double Home, double HomeCpu)>();
        Console.WriteLine();
        Console.WriteLine("edit  rebuild ms  cpu ms  event page ms  home page ms   steps (wall/cpu ms)");
        for (var i = 0; i < edits; i++)
        {
            var path = files[(int)((long)i * files.Count / edits)];
            var id = Path.GetFileNameWithoutExtension(path);
            var original = File.ReadAllText(path);
            var title = $"Edited title {i + 1}";
            try
            {
                File.WriteAllText(path, TitleLine().Replace(original, $"title: \"{title}\"", 1));
                var gcs = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
                var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                var rebuilt = Time(() => session.Rebuild([path]));
                cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
                var collections = string.Join('/', Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - gcs[g]));
                var page = Time(() => session.Current!.File($"events/{id}/index.html"));
                var homeCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                var index = Time(() => session.Current!.File("index.html"));
                homeCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - homeCpu;
                if (!rebuilt.Value.Succeeded || !Encoding.UTF8.GetString(page.Value!).Contains(title, StringComparison.Ordinal)
                    || !Encoding.UTF8.GetString(index.Value!).Contains(title, StringComparison.Ordinal))
                {
                    Console.Error.WriteLine($"The edit of {path} did not show: {string.Join('\n', rebuilt.Value.Diagnostics.Take(5))}");
                    return 1;
                }

                rows.Add((rebuilt.Elapsed.TotalMilliseconds, cpu.TotalMilliseconds, page.Elapsed.TotalMilliseconds, index.Elapsed.TotalMilliseconds, homeCpu.TotalMilliseconds));
                var steps = string.Join(' ', rebuilt.Value.Timings.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name} {t.Elapsed.TotalMilliseconds:0}/{t.Cpu.TotalMilliseconds:0}")));
                steps += $"; collections gen0/1/2 {collections}";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i + 1,4}  {rows[^1].Rebuild,10:0}  {rows[^1].Cpu,6:0}  {rows[^1].Event,13:0}  {rows[^1].Home,12:0}   {steps}"));
            }
            finally
            {
                File.WriteAllText(path, original);
            }

            session.Rebuild([path]);
        }

        // The view layer's whole-site work (Views/ViewBuilder.cs): a rebuild makes a ViewBuilder; the rest is made when pages ask for it.
        var site = session.Current!.Site;
        var strings = Timeline.Languages.ThemeStrings.Load(theme, new Timeline.Input.PathDisplay(input), new Timeline.Diagnostics.DiagnosticBag())
            ?? throw new InvalidOperationException($"The theme's strings in {theme}/i18n could not be read.");
        var (language, localized) = Timeline.Languages.PageLanguage.All(site, strings)[0];
        // Dates are written by the theme's partial, as a build writes them (each date once per language).
        var templates = Timeline.Theme.ThemeTemplates.Load(theme, new Timeline.Input.PathDisplay(input), new Timeline.Diagnostics.DiagnosticBag())
            ?? throw new InvalidOperationException($"The theme in {theme} could not be read.");
        string WriteDate(Timeline.Views.DateMarkupView date) =>
            templates.Render(Timeline.Theme.ThemeTemplates.DatePartial, new Dictionary<string, object?> { ["date"] = date }, language.Code);
        var views = Enumerable.Range(0, 5).Select(_ => Time(() => new Timeline.Views.ViewBuilder(localized, language, WriteDate))).ToList();
        var lists = Enumerable.Range(0, 5).Select(_ => Time(() =>
        {
            var v = views[0].Value;
            return v.Years().Count() + v.Tags().Count() + v.Entities().Count() + v.EntityIndexes().Count() + v.Pages().Count();
        })).ToList();
        var summaries = Enumerable.Range(0, 5).Select(_ => Time(() => localized.Events.Select(views[0].Value.Summary).ToList().Count)).ToList();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"view layer, median of 5: ViewBuilder constructor {Median(views.Select(v => v.Elapsed.TotalMilliseconds)):0} ms; every event's summary (dates in two calendars, made when a page first lists it) {Median(summaries.Select(v => v.Elapsed.TotalMilliseconds)):0} ms; every year, tag, entity and page view made {Median(lists.Select(v => v.Elapsed.TotalMilliseconds)):0} ms (serve makes one when its page is asked for)"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"median of {rows.Count}: rebuild {Median(rows.Select(r => r.Rebuild)):0} ms ({Median(rows.Select(r => r.Cpu)):0} ms cpu), event page {Median(rows.Select(r => r.Event)):0} ms, home page {Median(rows.Select(r => r.Home)):0} ms ({Median(rows.Select(r => r.HomeCpu)):0} ms cpu)"));
        return 0;
    }

    private static (T Value, TimeSpan Elapsed) Time<T>(Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        var value = work();
        return (value, clock.Elapsed);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex("^title: .*$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();
}

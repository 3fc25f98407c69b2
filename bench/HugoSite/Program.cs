using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Timeline.Bench;

/// <summary>
/// Turns a generated Timeline input folder (bench/SiteGenerator: site.yml, sources.yml, entities.yml, eras.yml,
/// pages/*.md, events/**.yml) into a Hugo site that does the same work from the same records, for bench/vs-hugo:
/// one content file per event with its front matter and its body as Markdown, a branch page per person,
/// organisation and place, the sources and eras as data files, and the layouts in bench/HugoSite/site/ copied in.
/// What is done here rather than by Hugo (and so not timed) is listed in docs/benchmarks.md: citations are numbered
/// and the Solar Hijri date is written out; everything a page shows is looked up and written by Hugo.
/// </summary>
public static partial class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 3)
        {
            Console.Error.WriteLine("usage: hugo-site INPUT-FOLDER THEME-FOLDER HUGO-SITE-FOLDER   (INPUT-FOLDER made by site-generator)");
            return 2;
        }

        var (input, theme, output) = (args[0], args[1], args[2]);
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var layouts = Path.Combine(AppContext.BaseDirectory, "site");
        CopyFolder(layouts, output);
        CopyFolder(Path.Combine(theme, "assets"), Path.Combine(output, "static", "assets"));
        new Converter(input, output).Write();
        return 0;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    // [@source-1] or [@source-1, p. 38], with the space before it (the note marker follows the word).
    [GeneratedRegex(@" ?\[@([^\],\s]+)(?:,\s*([^\]]+))?\]")]
    private static partial Regex Citation();

    // [[event-id]] or [[event-id|text]]
    [GeneratedRegex(@"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")]
    private static partial Regex EventLink();

    private sealed class Converter(string input, string output)
    {
        private static readonly string[] PersianMonths =
            ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];

        private static readonly PersianCalendar Persian = new();

        public void Write()
        {
            var site = (YamlMappingNode)Load(Path.Combine(input, "site.yml"));
            WriteConfig(site);

            // Data files: the sources (keyed by id, as the layouts look them up) and the eras, as they are.
            var sources = new StringBuilder();
            foreach (YamlMappingNode source in (YamlSequenceNode)Load(Path.Combine(input, "sources.yml")))
            {
                sources.Append(Quote(Text(source, "id"))).Append(":\n");
                foreach (var (key, value) in source.Children)
                {
                    sources.Append("  ").Append(((YamlScalarNode)key).Value).Append(": ").Append(Quote(((YamlScalarNode)value).Value!)).Append('\n');
                }
            }

            Write("data/sources.yaml", sources.ToString());
            File.Copy(Path.Combine(input, "eras.yml"), Path.Combine(output, "data", "eras.yaml"));

            foreach (YamlMappingNode entity in (YamlSequenceNode)Load(Path.Combine(input, "entities.yml")))
            {
                var folder = Text(entity, "kind") switch { "person" => "people", "organisation" => "organisations", _ => "places" };
                var (body, notes) = Body(Text(entity, "summary"));
                Write($"content/{folder}/{Text(entity, "id")}/_index.md",
                    $"---\ntitle: {Quote(Text(entity, "name"))}\n{notes}---\n{body}\n");
            }

            foreach (var page in Directory.EnumerateFiles(Path.Combine(input, "pages"), "*.md"))
            {
                var text = File.ReadAllText(page);
                var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
                var (body, notes) = Body(text[(end + 5)..]);
                Write($"content/{Path.GetFileName(page)}", $"{text[..end]}\nlayout: page\noutputs: [html]\n{notes}---\n{body}");
            }

            foreach (var file in Directory.EnumerateFiles(Path.Combine(input, "events"), "*.yml", SearchOption.AllDirectories))
            {
                WriteEvent(Path.GetFileNameWithoutExtension(file), (YamlMappingNode)Load(file));
            }
        }

        private void WriteConfig(YamlMappingNode site)
        {
            var config = Path.Combine(output, "hugo.yaml");
            var template = File.ReadAllText(config);
            File.WriteAllText(config, template
                .Replace("BASE_URL", Text(site, "base_url").TrimEnd('/') + "/", StringComparison.Ordinal)
                .Replace("SITE_TITLE", Quote(Text(site, "title")), StringComparison.Ordinal)
                .Replace("SITE_DESCRIPTION", Quote(Text(site, "description")), StringComparison.Ordinal)
                .Replace("SITE_LANGUAGE", Text(site, "language"), StringComparison.Ordinal));
        }

        private void WriteEvent(string id, YamlMappingNode record)
        {
            var date = Text(record, "date");
            var precision = date.Length switch { 4 => "year", 7 => "month", _ => "day" };
            var start = DateOnly.ParseExact(precision switch { "year" => date + "-01-01", "month" => date + "-01", _ => date }, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var (body, notes) = Body(Text(record, "body"));
            var links = EventLink().Matches(Text(record, "body")).Select(m => m.Groups[1].Value).Distinct();
            var citedSources = Citation().Matches(Text(record, "body")).Select(m => m.Groups[1].Value).Distinct();

            var text = new StringBuilder("---\n");
            text.Append("title: ").Append(Quote(Text(record, "title"))).Append('\n');
            text.Append(CultureInfo.InvariantCulture, $"date: {start:yyyy-MM-dd}\n");
            text.Append(CultureInfo.InvariantCulture, $"date_iso: \"{date}\"\nprecision: {precision}\n");
            text.Append("date_fa: ").Append(Quote(SolarHijri(start, precision))).Append('\n');
            if (record.Children.ContainsKey("circa"))
            {
                text.Append("circa: true\n");
            }

            text.Append("summary: ").Append(Quote(Text(record, "summary"))).Append('\n');
            foreach (var list in new[] { "tags", "people", "organisations", "places", "related" })
            {
                if (record.Children.TryGetValue(list, out var items))
                {
                    text.Append(list).Append(": ").Append(List(((YamlSequenceNode)items).Select(i => ((YamlScalarNode)i).Value!))).Append('\n');
                }
            }

            text.Append(CultureInfo.InvariantCulture, $"years: [\"{start.Year}\"]\n");
            text.Append("sources: ").Append(List(citedSources)).Append('\n');
            text.Append("links: ").Append(List(links)).Append('\n');
            text.Append(notes).Append("---\n").Append(body);
            Write($"content/events/{id}.md", text.ToString());
        }

        /// <summary>
        /// The body with each citation as its numbered note marker (raw HTML, as our Markdown step writes it) and each
        /// [[event link]] as the ev shortcode, which looks up the event's title in Hugo; and the notes as front matter.
        /// </summary>
        private static (string Body, string Notes) Body(string markdown)
        {
            var notes = new List<(string Source, string? Locator)>();
            var refs = new List<int>();
            var body = Citation().Replace(markdown, match =>
            {
                var note = (match.Groups[1].Value, match.Groups[2].Success ? match.Groups[2].Value : null);
                var number = notes.IndexOf(note) + 1;
                if (number == 0)
                {
                    notes.Add(note);
                    refs.Add(0);
                    number = notes.Count;
                }

                var backref = ++refs[number - 1];
                return $"<sup class=\"noteref\"><a href=\"#note-{number}\" id=\"ref-{number}-{backref}\" role=\"doc-noteref\">[{number}]</a></sup>";
            });
            body = EventLink().Replace(body, match => match.Groups[2].Success
                ? $"{{{{< ev \"{match.Groups[1].Value}\" \"{match.Groups[2].Value}\" >}}}}"
                : $"{{{{< ev \"{match.Groups[1].Value}\" >}}}}");

            var front = new StringBuilder();
            if (notes.Count > 0)
            {
                front.Append("notes:\n");
                for (var i = 0; i < notes.Count; i++)
                {
                    front.Append("  - source: ").Append(notes[i].Source).Append('\n');
                    front.Append(CultureInfo.InvariantCulture, $"    refs: {refs[i]}\n");
                    if (notes[i].Locator is { } locator)
                    {
                        front.Append("    locator: ").Append(Quote(locator)).Append('\n');
                    }
                }
            }

            return (body, front.ToString());
        }

        /// <summary>The date in the Solar Hijri calendar, as the theme shows it beside the Gregorian one.</summary>
        private static string SolarHijri(DateOnly start, string precision)
        {
            var end = precision switch { "year" => start.AddYears(1).AddDays(-1), "month" => start.AddMonths(1).AddDays(-1), _ => start };
            var (from, to) = (start.ToDateTime(TimeOnly.MinValue), end.ToDateTime(TimeOnly.MinValue));
            string Month(DateTime d) => PersianMonths[Persian.GetMonth(d) - 1];
            string Year(DateTime d) => Digits(Persian.GetYear(d));
            return precision switch
            {
                "day" => $"{Digits(Persian.GetDayOfMonth(from))} {Month(from)} {Year(from)}",
                "month" when Persian.GetYear(from) == Persian.GetYear(to) => $"{Month(from)}–{Month(to)} {Year(to)}",
                "month" => $"{Month(from)} {Year(from)}–{Month(to)} {Year(to)}",
                _ => $"{Year(from)}–{Year(to)}",
            };
        }

        private static string Digits(int number) =>
            string.Concat(number.ToString(CultureInfo.InvariantCulture).Select(c => (char)('۰' + (c - '0'))));

        private static YamlNode Load(string path)
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(path);
            stream.Load(reader);
            return stream.Documents[0].RootNode;
        }

        private static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[key]).Value!;

        private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(Quote)) + "]";

        private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

        private void Write(string relative, string text)
        {
            var path = Path.Combine(output, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Timeline.Pipeline;
using Timeline.Tests.Support;

namespace Timeline.Tests.Pipeline;

/// <summary>
/// Issue 21 (b): a build may reuse what the build before it left (the cache in .timeline-cache, the previous output
/// as the spare it stages into) only if its output is the same bytes as a clean build. Random sequences of edits to a
/// small site, each followed by a rebuild in the same folder and compared, file by file, with a build of the same
/// input into an empty folder with an empty cache.
/// </summary>
public sealed class IncrementalBuildPropertyTests
{
    // A fixed seed that runs every kind of edit once, then a few seeded random sequences; on a site in one language,
    // and on the same site with a second language (translated events, sources, entities, eras and pages).
    [Theory]
    [InlineData("basic", -1, 0)]
    [InlineData("translations", -1, 0)]
    [InlineData("basic", 1988, 4)]
    [InlineData("translations", 2026, 4)]
    [InlineData("basic", 100, 8)]
    [InlineData("translations", 101, 8)]
    public void Every_rebuild_after_edits_gives_the_bytes_of_a_clean_build(string fixture, int seed, int length)
    {
        // The site has its own theme folder (a copy of the repository's), so that templates and strings can be edited.
        using var site = TestSite.BuildWithTemplate("event.liquid", File.ReadAllText(Path.Combine(Repository.Theme, "templates", "event.liquid")), fixture);
        site.AssertSucceeded();
        var edits = fixture == "translations" ? [.. Edits, .. TranslationEdits] : Edits;
        var random = new Random(seed < 0 ? 0 : seed);
        var sequence = seed < 0 ? Enumerable.Range(0, edits.Length).ToList() : Enumerable.Range(0, length).Select(_ => random.Next(edits.Length)).ToList();
        var done = new List<string>();
        foreach (var index in sequence)
        {
            var (name, edit) = edits[index];
            done.Add($"{name}: {edit(site.Folder, random, done.Count)}");
            var rebuilt = TestSite.BuildIn(site.Folder);
            var context = $"seed {seed}, edits:\n  {string.Join("\n  ", done)}\n";
            Assert.True(rebuilt.Result.Succeeded, context + "the rebuild failed:\n" + string.Join('\n', rebuilt.Errors));
            var difference = FirstDifference(Snapshot(site.Output), Fresh(site.Folder));
            Assert.True(difference is null, context + difference);
        }
    }

    private delegate string Edit(string folder, Random random, int step);

    // Each edit keeps the input valid: only events nothing refers to are deleted or renamed.
    private static readonly (string Name, Edit Apply)[] Edits =
    [
        ("event title", (f, r, s) => ReplaceLine(f, "input/events/2020/letter-sent.yml", "title", $"The letter is sent, version {s}")),
        ("event body", (f, r, s) => InsertAfter(f, "input/events/1988/first-event.yml", "\nbody: |\n", $"  Another claim, number {s} [@letter-b].\n\n")),
        ("source title", (f, r, s) => ReplaceLine(f, "input/sources.yml", "  title", $"Report A, edition {s}", first: true)),
        ("entity name", (f, r, s) => ReplaceLine(f, "input/entities.yml", "  name", $"Person One ({s})", first: true)),
        ("add event", (f, r, s) => Write(f, $"input/events/2022/added-{s}.yml",
            $"date: \"2022-0{1 + (s % 9)}\"\ntitle: Added event {s}\nsummary: An event added by step {s}.\ntags: [theme-one, added]\nrelated: [first-event]\nsources: [report-a]\nbody: |\n  It was added [@report-a, p. {s}]. See [[letter-sent]].\n")),
        // Within its year, before or after the other event of 2020 (whose date is a month): the order of the two changes.
        ("event date", (f, r, s) => ReplaceLine(f, "input/events/2020/letter-sent.yml", "date", $"\"2020-{(s % 2 == 0 ? "03" : "12")}-2{s % 10}\"")),
        ("era title", (f, r, s) => ReplaceLine(f, "input/eras.yml", "  title", $"The killings, step {s}", first: true)),
        ("delete event", (f, r, s) => Delete(f, r)),
        ("rename event", (f, r, s) => Rename(f, r, s)),
        ("add source", (f, r, s) => Append(f, "input/sources.yml", $"- id: added-source-{s}\n  title: Added source {s}\n  publisher: Publisher {s}\n  kind: report\n")),
        ("page", (f, r, s) => Append(f, "input/pages/about.md", $"\nA paragraph added by step {s} [@report-a].\n")),
        ("add page", (f, r, s) => Write(f, $"input/pages/added-{s}.md", $"---\ntitle: Added page {s}\nsummary: A page added by step {s}.\n---\nThe text of page {s}.\n")),
        // The tag whole, whatever an earlier step of the sequence put in it.
        ("theme template", (f, r, s) => Replace(f, "theme/templates/event.liquid", "<header class=\"event-header\"", $"<header class=\"event-header\" data-step=\"{s}\">")),
        ("i18n string", (f, r, s) => ReplaceLine(f, "theme/i18n/en.yml", "skip_to_content", $"Skip to the content ({s})")),
        ("site settings", (f, r, s) => ReplaceLine(f, "input/site.yml", "description", $"A small site for whole-site tests, step {s}.")),
        ("tag name", (f, r, s) => Write(f, "input/tags.yml", $"- id: theme-one\n  name: Theme one, named by step {s}\n")),
        ("entry history", (f, r, s) => History(f, "input/events/2020/letter-sent.yml", s)),
        // After the one above in the fixed sequence: the page of changes must show a correction's new words.
        ("entry correction", (f, r, s) => File.ReadAllText(Path.Combine(f, "input/events/2020/letter-sent.yml")).Contains("# history", StringComparison.Ordinal)
            ? ReplaceLine(f, "input/events/2020/letter-sent.yml", "    text", $"Corrected again at step {s}.")
            : History(f, "input/events/2020/letter-sent.yml", s)),
    ];

    // Edits to the translations of the fixture "translations" (Persian).
    private static readonly (string Name, Edit Apply)[] TranslationEdits =
    [
        ("event translation", (f, r, s) => ReplaceLine(f, "input/events/2020/letter-sent.yml", "    title", $"نامه فرستاده می‌شود، گام {s}")),
        ("event body translation", (f, r, s) => Append(f, "input/events/1988/first-event.yml", $"\n      ادعای دیگری، شماره‌ی {s} [@letter-b].\n")),
        ("entity translation", (f, r, s) => ReplaceLine(f, "input/entities.yml", "      name", $"شخص یکم ({s})", first: true)),
        ("era translation", (f, r, s) => ReplaceLine(f, "input/eras.yml", "      title", $"کشتارها، گام {s}", first: true)),
        ("source translation", (f, r, s) => ReplaceLine(f, "input/sources.yml", "      note", $"یادداشت گام {s}.", first: true)),
        ("page translation", (f, r, s) => Append(f, "input/pages/about.fa.md", $"\nبندی که گام {s} افزود.\n")),
    ];

    private static string ReplaceLine(string folder, string path, string key, string value, bool first = false)
    {
        var file = Path.Combine(folder, path);
        var text = File.ReadAllText(file);
        var pattern = new Regex($"^{Regex.Escape(key)}: .*$", RegexOptions.Multiline);
        Assert.Matches(pattern, text);
        File.WriteAllText(file, pattern.Replace(text, $"{key}: {value}", first ? 1 : -1));
        return $"{path}: {key} = {value}";
    }

    private static string Replace(string folder, string path, string from, string to)
    {
        var file = Path.Combine(folder, path);
        var text = File.ReadAllText(file);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{path} does not hold {from}");
        var end = text.IndexOf('>', at) + 1;
        File.WriteAllText(file, text[..at] + to + text[end..]);
        return $"{path}: {to}";
    }

    private static string InsertAfter(string folder, string path, string after, string text)
    {
        var file = Path.Combine(folder, path);
        var content = File.ReadAllText(file);
        var at = content.IndexOf(after, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{path} does not hold {after.Trim()}");
        File.WriteAllText(file, content.Insert(at + after.Length, text));
        return $"{path}: {text.Trim()} after {after.Trim()}";
    }

    // An event's publication, update and correction dates (shown on the page of changes), replaced at each step.
    private static string History(string folder, string path, int step)
    {
        const string mark = "\n# history\n";
        var file = Path.Combine(folder, path);
        var text = File.ReadAllText(file);
        var at = text.IndexOf(mark, StringComparison.Ordinal);
        var history = $"published: \"2024-05-0{1 + (step % 9)}\"\nupdated: \"2025-0{1 + (step % 9)}-1{step % 10}\"\ncorrections:\n  - date: \"2025-0{1 + (step % 9)}-1{step % 10}\"\n    text: Corrected at step {step}.\n";
        File.WriteAllText(file, (at < 0 ? text.TrimEnd('\n') : text[..at]) + mark + history);
        return $"{path}: {history.ReplaceLineEndings(" ")}";
    }

    private static string Append(string folder, string path, string text)
    {
        File.AppendAllText(Path.Combine(folder, path), text);
        return $"{path} += {text.Trim()}";
    }

    private static string Write(string folder, string path, string text)
    {
        var file = Path.Combine(folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text, new UTF8Encoding(false));
        return $"{path} written";
    }

    // Events no other record refers to: these may go or move without breaking a reference.
    private static List<string> Unreferenced(string folder) =>
        Directory.EnumerateFiles(Path.Combine(folder, "input", "events"), "*.yml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is not ("letter-sent.yml" or "first-event.yml"))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Delete(string folder, Random random)
    {
        var candidates = Unreferenced(folder);
        if (candidates.Count == 0)
        {
            return "nothing to delete";
        }

        var file = candidates[random.Next(candidates.Count)];
        File.Delete(file);
        return Path.GetRelativePath(folder, file) + " deleted";
    }

    private static string Rename(string folder, Random random, int step)
    {
        var candidates = Unreferenced(folder);
        if (candidates.Count == 0)
        {
            return "nothing to rename";
        }

        var file = candidates[random.Next(candidates.Count)];
        var target = Path.Combine(Path.GetDirectoryName(file)!, $"renamed-{step}.yml");
        File.Move(file, target);
        return $"{Path.GetRelativePath(folder, file)} -> {Path.GetFileName(target)}";
    }

    private static Dictionary<string, string> Fresh(string folder)
    {
        var fresh = Path.Combine(folder, "fresh-" + Guid.NewGuid().ToString("N"));
        var options = new BuildOptions(Path.Combine(folder, "input"), TestSite.ThemeOf(folder), Path.Combine(fresh, "output"), null, folder)
        {
            ToolsFolder = Repository.Root,
            CacheFolder = Path.Combine(fresh, "cache"),
        };
        var result = TimelineBuilder.Build(options);
        Assert.True(result.Succeeded, "the clean build failed:\n" + string.Join("\n", result.Diagnostics));
        var snapshot = Snapshot(options.OutputFolder);
        Directory.Delete(fresh, recursive: true);
        return snapshot;
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));

    private static string? FirstDifference(Dictionary<string, string> rebuilt, Dictionary<string, string> clean)
    {
        foreach (var path in rebuilt.Keys.Union(clean.Keys).Order(StringComparer.Ordinal))
        {
            var left = rebuilt.GetValueOrDefault(path);
            var right = clean.GetValueOrDefault(path);
            if (left != right)
            {
                return left is null ? $"first difference: {path} is missing from the rebuild"
                    : right is null ? $"first difference: {path} is in the rebuild only (stale)"
                    : $"first difference: {path} differs from the clean build's";
            }
        }

        return null;
    }
}

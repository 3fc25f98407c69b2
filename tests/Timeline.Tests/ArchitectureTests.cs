using System.Text.RegularExpressions;
using Timeline.Tests.Support;

namespace Timeline.Tests;

/// <summary>
/// The library's rooms, lowest first: a room may use the rooms below it, never one above it, so that each can be read
/// knowing only what is under it. README's "How it works" describes them in this order.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly string[] Rooms =
    [
        "Dates",        // partial dates, the Gregorian and Solar Hijri calendars
        "Diagnostics",  // errors and warnings, and every error text
        "Input",        // which files are read, and reading them
        "Yaml",         // YAML to a tree with positions
        "Records",      // the raw shapes of the YAML files
        "Model",        // validated records, the site's addresses, files of the output
        "Output",       // writing the site atomically into folders it owns; the search index
        "Loading",      // records to the model, with validation
        "Markdown",     // Markdig with citations and event links
        "Resolving",    // references between records, rendered bodies
        "Languages",    // per-language strings and rules, the site seen in one language
        "Publishing",   // feeds, sitemap, reuse data, citations, the overview
        "Views",        // what the templates are given
        "Theme",        // the Liquid templates and their limits
        "ShareImages",  // the share images
        "Rendering",    // every page and file of the site
        "Checks",       // checks of the rendered site (links)
        "Pipeline",     // the phases in order: build, check and serve
    ];

    private static string Core => Path.Combine(Repository.Root, "src", "Timeline.Core");

    [Fact]
    public void No_room_uses_a_room_above_it()
    {
        var violations = new List<string>();
        foreach (var (file, room, text) in Files())
        {
            foreach (var used in Uses(text).Where(u => u != room))
            {
                var at = Array.IndexOf(Rooms, used);
                Assert.True(at >= 0, $"{file} uses Timeline.{used}, which is not a room of the library.");
                if (at > Array.IndexOf(Rooms, room))
                {
                    violations.Add($"{file} ({room}) uses {used}, a room above it");
                }
            }
        }

        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    [Fact]
    public void Every_file_is_in_a_known_room_and_its_namespace_is_its_folder()
    {
        foreach (var (file, room, text) in Files())
        {
            var folder = Path.GetDirectoryName(file)!.Replace(Path.DirectorySeparatorChar, '.');
            Assert.True(Array.IndexOf(Rooms, room) >= 0, $"{file} is in '{room}', which is not in the list of rooms (add it where it belongs).");
            Assert.Equal($"Timeline.{folder}", Namespace().Match(text).Groups[1].Value);
        }
    }

    [Fact]
    public void The_check_sees_a_use_of_a_room_above()
    {
        // What the rule reads, shown on a made-up file: a using and a fully-qualified name both count.
        var text = "using Timeline.Model;\nnamespace Timeline.Dates;\nclass C { Timeline.Views.EventView? v; }";
        Assert.Equal(["Dates", "Model", "Views"], Uses(text).Order());
    }

    private static IEnumerable<(string File, string Room, string Text)> Files() =>
        Directory.EnumerateFiles(Core, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Core, path))
            .Where(file => !file.StartsWith("obj", StringComparison.Ordinal) && !file.StartsWith("bin", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(file => (file, file.Contains(Path.DirectorySeparatorChar) ? file.Split(Path.DirectorySeparatorChar)[0] : "", File.ReadAllText(Path.Combine(Core, file))));

    /// <summary>The rooms a file names: in its using directives and in fully-qualified names, comments left out.</summary>
    private static IEnumerable<string> Uses(string text)
    {
        var code = Comment().Replace(text, "");
        return UsingOrQualified().Matches(code).Select(m => m.Groups[1].Value).Distinct();
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"//.*")]
    private static partial Regex Comment();

    [GeneratedRegex(@"(?<![\w.])Timeline\.(\w+)\b(?=[.;])")]
    private static partial Regex UsingOrQualified();
}

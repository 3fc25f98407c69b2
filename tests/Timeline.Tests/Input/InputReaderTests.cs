using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Tests.Support;

namespace Timeline.Tests.Input;

public sealed class InputReaderTests
{
    [Fact]
    public void Events_are_read_from_yml_and_yaml_files_in_path_order_and_nothing_else()
    {
        var folder = TestSite.NewFolder();
        var events = Path.Combine(folder, "events");
        Directory.CreateDirectory(Path.Combine(events, "1988"));
        foreach (var name in new[] { "1988/b.yaml", "1988/a.yml", "c.yml", "notes.yml.bak", "d.yxml", "e.yaml~", "README.md" })
        {
            File.WriteAllText(Path.Combine(events, name), "title: " + name);
        }

        var diagnostics = new DiagnosticBag();
        var input = new InputReader(new PathDisplay(folder), diagnostics).Read(folder);

        Assert.Equal(["events/1988/a.yml", "events/1988/b.yaml", "events/c.yml"], input.Events.Select(e => e.DisplayPath.Replace('\\', '/')));
        Assert.Equal("title: 1988/b.yaml", input.Events[1].Text);
    }

    [Fact]
    public void A_file_over_the_limit_is_reported_with_its_size_and_not_read()
    {
        var folder = TestSite.NewFolder();
        var path = Path.Combine(folder, "big.yml");
        File.WriteAllBytes(path, new byte[InputReader.MaxFileBytes + 1]);
        var diagnostics = new DiagnosticBag();

        var file = new InputReader(new PathDisplay(folder), diagnostics).ReadFile(new FoundFile(path, path));

        Assert.Null(file);
        Assert.Contains(diagnostics.Sorted(), d => d.Path == "big.yml" && d.Code == "TL0002" && d.Message.Contains("1,048,577 bytes", StringComparison.Ordinal));
    }
}

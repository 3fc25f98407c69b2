using Timeline.Cli;
using Timeline.Tests.Support;

namespace Timeline.Tests.Cli;

/// <summary>`timeline new` names the editor's schema on the first line of a file it creates, relative to that file.</summary>
public sealed class NewSchemaLineTests
{
    private static string SiteWithSchemas()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);
        TestSite.CopyFolder(Path.Combine(Repository.Root, "schemas", "input"), Path.Combine(folder, "schemas", "input"));
        return folder;
    }

    private static string SchemaOf(string file)
    {
        var first = File.ReadLines(file).First();
        Assert.StartsWith("# yaml-language-server: $schema=", first, StringComparison.Ordinal);
        return first["# yaml-language-server: $schema=".Length..];
    }

    [Fact]
    public void A_new_event_names_the_event_schema_by_a_path_from_its_own_folder()
    {
        var folder = SiteWithSchemas();
        var input = Path.Combine(folder, "input");

        var code = Program.Run(["new", "event", "--input", input, "--title", "Formed", "--date", "1988-07-19"], new StringWriter(), new StringWriter());

        Assert.Equal(0, code);
        var file = Path.Combine(input, "events", "1988", "1988-07-19-formed.yml");
        Assert.Equal("../../../schemas/input/event.schema.json", SchemaOf(file));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(file)!, SchemaOf(file))));
    }

    [Fact]
    public void A_new_sources_file_names_the_sources_schema_and_an_existing_one_is_left_as_it_is()
    {
        var folder = SiteWithSchemas();
        var input = Path.Combine(folder, "input");
        var sources = Path.Combine(input, "sources.yml");
        var before = File.ReadAllText(sources);

        Assert.Equal(0, Program.Run(["new", "source", "--input", input, "--title", "Added"], new StringWriter(), new StringWriter()));
        Assert.StartsWith(before, File.ReadAllText(sources), StringComparison.Ordinal);

        File.Delete(sources);
        Assert.Equal(0, Program.Run(["new", "source", "--input", input, "--title", "First"], new StringWriter(), new StringWriter()));
        Assert.Equal("../schemas/input/sources.schema.json", SchemaOf(sources));
        Assert.Contains("- id: first", File.ReadAllText(sources), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_schemas_above_the_input_no_line_is_written()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);
        var input = Path.Combine(folder, "input");

        Assert.Equal(0, Program.Run(["new", "event", "--input", input, "--title", "Formed", "--date", "1988"], new StringWriter(), new StringWriter()));

        Assert.StartsWith("# A new event.", File.ReadAllText(Path.Combine(input, "events", "1988", "1988-formed.yml")), StringComparison.Ordinal);
    }
}

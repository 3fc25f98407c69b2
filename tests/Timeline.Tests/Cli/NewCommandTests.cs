using Timeline.Tests.Support;

namespace Timeline.Tests.Cli;

public sealed class NewCommandTests
{
    private static (int Code, string Output, string Errors) Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = Timeline.Cli.Program.Run(args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    private static string NewSite()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);
        return folder;
    }

    private static (int Code, string Errors) Check(string folder)
    {
        var (code, _, errors) = Run("check", "--input", Path.Combine(folder, "input"), "--theme", Repository.Theme);
        return (code, errors);
    }

    [Fact]
    public void New_event_writes_every_field_with_a_comment_and_check_asks_only_for_what_the_author_must_write()
    {
        var folder = NewSite();
        var input = Path.Combine(folder, "input");

        var (code, output, _) = Run("new", "event", "--input", input, "--title", "The death commissions are formed", "--date", "1988-07-19");

        Assert.Equal(0, code);
        var path = Path.Combine(input, "events", "1988", "1988-07-19-the-death-commissions-are-formed.yml");
        Assert.Contains("1988-07-19-the-death-commissions-are-formed.yml", output, StringComparison.Ordinal);
        var text = File.ReadAllText(path);
        var fields = Timeline.Records.EventRecord.Shape.FieldNames;
        foreach (var field in fields)
        {
            var line = text.Split('\n').Single(l => l.TrimStart('#', ' ').StartsWith(field + ":", StringComparison.Ordinal));
            Assert.Matches(@"\S\s+# \S", line);
        }

        Assert.Contains("title: \"The death commissions are formed\"", text, StringComparison.Ordinal);
        Assert.Contains("date: \"1988-07-19\"", text, StringComparison.Ordinal);

        var (before, errors) = Check(folder);
        Assert.Equal(1, before);
        Assert.Contains("1988-07-19-the-death-commissions-are-formed.yml:7:10: error TL0105: the required field 'summary'", errors, StringComparison.Ordinal);

        File.WriteAllText(path, text
            .Replace("summary: \"\"", "summary: \"The commissions were formed.\"", StringComparison.Ordinal)
            .Replace("sources: []", "sources: [report-a]", StringComparison.Ordinal));
        var after = Check(folder);
        Assert.True(after.Code == 0, after.Errors);
    }

    [Fact]
    public void New_event_refuses_to_overwrite_and_leaves_the_file_as_it_was()
    {
        var folder = NewSite();
        var input = Path.Combine(folder, "input");
        Assert.Equal(0, Run("new", "event", "--input", input, "--title", "Same", "--date", "1988").Code);
        var path = Path.Combine(input, "events", "1988", "1988-same.yml");
        File.WriteAllText(path, "edited by hand");

        var (code, _, errors) = Run("new", "event", "--input", input, "--title", "Same", "--date", "1988");

        Assert.Equal(1, code);
        Assert.Contains("error TL0952", errors, StringComparison.Ordinal);
        Assert.Contains("1988-same.yml", errors, StringComparison.Ordinal);
        Assert.Equal("edited by hand", File.ReadAllText(path));

        // The same id in another year's folder is the same event twice.
        var (again, _, elsewhere) = Run("new", "event", "--input", input, "--title", "Other", "--date", "1990", "--id", "1988-same");
        Assert.Equal(1, again);
        Assert.Contains("1988-same.yml", elsewhere, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1988-13-01")]
    [InlineData("1988-02-30")]
    [InlineData("19/07/1988")]
    [InlineData("")]
    public void New_event_refuses_a_date_that_is_not_one_as_a_usage_error(string date)
    {
        var folder = NewSite();

        var (code, _, errors) = Run("new", "event", "--input", Path.Combine(folder, "input"), "--title", "T", "--date", date);

        Assert.Equal(2, code);
        Assert.Contains("error TL0955", errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "input", "events", "1988", "1988-t.yml")));
    }

    [Theory]
    [InlineData("0621")]
    [InlineData("0000")]
    public void New_event_refuses_a_date_before_the_solar_hijri_calendar_as_a_usage_error(string date)
    {
        var folder = NewSite();

        var (code, _, errors) = Run("new", "event", "--input", Path.Combine(folder, "input"), "--title", "T", "--date", date);

        Assert.Equal(2, code);
        Assert.Contains($"error TL0213: '--date' is '{date}', outside the dates a site can show: from 0622-03-22", errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "input", "events", date)));
    }

    [Fact]
    public void New_event_refuses_an_invalid_id_and_a_title_with_no_latin_letters()
    {
        var folder = NewSite();
        var input = Path.Combine(folder, "input");

        Assert.Equal(2, Run("new", "event", "--input", input, "--title", "T", "--date", "1988", "--id", "../escape").Code);
        var (code, _, errors) = Run("new", "event", "--input", input, "--title", "اعدام", "--date", "1988");
        Assert.Equal(2, code);
        Assert.Contains("error TL0954", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void New_source_appends_a_commented_entry_and_refuses_a_repeated_id()
    {
        var folder = NewSite();
        var input = Path.Combine(folder, "input");
        var sources = Path.Combine(input, "sources.yml");
        var before = File.ReadAllText(sources);

        var (code, _, _) = Run("new", "source", "--input", input, "--title", "Amnesty's \"report\"");

        Assert.Equal(0, code);
        var text = File.ReadAllText(sources);
        Assert.StartsWith(before, text, StringComparison.Ordinal);
        var added = text[before.Length..];
        foreach (var field in Timeline.Records.SourceRecord.Shape.FieldNames)
        {
            var line = added.Split('\n').Single(l => l.TrimStart('#', ' ', '-').StartsWith(field + ":", StringComparison.Ordinal));
            Assert.Matches(@"\S\s+# \S", line);
        }

        Assert.Contains("- id: amnestys-report", added, StringComparison.Ordinal);
        Assert.Contains("title: \"Amnesty's \\\"report\\\"\"", added, StringComparison.Ordinal);
        var (failing, errors) = Check(folder);
        Assert.Equal(1, failing);
        Assert.Contains("the required field 'publisher'", errors, StringComparison.Ordinal);

        File.WriteAllText(sources, text.Replace("publisher: \"\"", "publisher: Amnesty International", StringComparison.Ordinal).Replace("kind: \"\"", "kind: report", StringComparison.Ordinal));
        var filled = Check(folder);
        Assert.True(filled.Code == 0, filled.Errors);
        Assert.Contains("warning TL0600: the source 'amnestys-report' is never cited", filled.Errors, StringComparison.Ordinal);

        var (repeat, _, repeated) = Run("new", "source", "--input", input, "--title", "Anything", "--id", "report-a");
        Assert.Equal(1, repeat);
        Assert.Contains("error TL0953: a source with the id 'report-a' is already listed at", repeated, StringComparison.Ordinal);
    }
}

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
        Assert.Contains("1988-07-19-the-death-commissions-are-formed.yml:8:10: error TL0105: the required field 'summary'", errors, StringComparison.Ordinal);

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

    [Fact]
    public void New_event_makes_an_id_from_a_title_with_invalid_code_points_instead_of_failing()
    {
        // Written here, not as theory data: xunit would replace the lone surrogates before the test saw them.
        foreach (var (title, id) in new[] { ("Évin \uD800 prison", "1988-07-19-evin-prison"), ("١٣٦٧ ![\uD800](https://例え.jp/パス) \uDC00\uD800 pair", "1988-07-19-https-jp-pair") })
        {
            var folder = NewSite();

            var (code, _, errors) = Run("new", "event", "--input", Path.Combine(folder, "input"), "--title", title, "--date", "1988-07-19");

            Assert.True(code == 0, errors);
            Assert.True(File.Exists(Path.Combine(folder, "input", "events", "1988", id + ".yml")), string.Join(", ", Directory.EnumerateFiles(Path.Combine(folder, "input", "events", "1988"))));
        }
    }

    private const string BlockList = "- id: report-a\n  title: Report A\n  publisher: P\n  kind: report\n- id: letter-b\n  title: Letter B\n  publisher: P\n  kind: letter\n- id: article-c\n  title: Article C\n  publisher: P\n  kind: article";

    public static TheoryData<string, string> SourceListShapes() => new()
    {
        { "no closing newline", BlockList },
        { "a closing newline", BlockList + "\n" },
        { "a document end marker", BlockList + "\n...\n" },
        { "a document end marker and a comment after it", BlockList + "\n... # the end\n# more\n" },
        { "comments at the end", BlockList + "\n# retired sources:\n#- id: old\n" },
        { "a document start marker", "---\n" + BlockList + "\n" },
        { "CRLF line ends", BlockList.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n" },
        { "a byte order mark", "\uFEFF" + BlockList + "\n" },
        { "tabs inside values and comments", BlockList.Replace("title: Article C", "title: \"Article\tC\"\t# tab", StringComparison.Ordinal) + "\n" },
        { "an indented list", "  " + BlockList.Replace("\n", "\n  ", StringComparison.Ordinal) + "\n" },
        { "a block text at the end", BlockList + "\n  note: |\n    Line one.\n\n    Line two." },
        { "a folded text at the end", BlockList + "\n  note: >-\n    Folded\n    text\n\n" },
        { "items written as braces", "- {id: report-a, title: A, publisher: P, kind: report}\n- {id: letter-b, title: B, publisher: P, kind: letter}\n- {id: article-c, title: C, publisher: P, kind: article}" },
    };

    [Theory]
    [MemberData(nameof(SourceListShapes))]
    public void New_source_keeps_sources_yml_valid_whatever_its_shape_and_check_asks_only_for_publisher_and_kind(string shape, string text)
    {
        var folder = NewSite();
        var sources = Path.Combine(folder, "input", "sources.yml");
        File.WriteAllText(sources, text, new System.Text.UTF8Encoding(false));

        var (code, _, errors) = Run("new", "source", "--input", Path.Combine(folder, "input"), "--title", "A new source");

        Assert.True(code == 0, $"{shape}: {errors}");
        var (_, checkErrors) = Check(folder);
        var lines = checkErrors.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 2, $"{shape}:\n{checkErrors}\n{File.ReadAllText(sources)}");
        Assert.Contains("the required field 'publisher'", lines[0], StringComparison.Ordinal);
        Assert.Contains("the required field 'kind'", lines[1], StringComparison.Ordinal);
        var written = File.ReadAllText(sources, new System.Text.UTF8Encoding(false));
        Assert.Equal(text.StartsWith('\uFEFF'), File.ReadAllBytes(sources).AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]));
        Assert.Equal(text.Contains('\r', StringComparison.Ordinal), written.Split('\n').SkipLast(1).All(l => l.EndsWith('\r')));
    }

    public static TheoryData<string, string, string> RefusedSourceLists() => new()
    {
        { "a flow list", "[{id: report-a, title: A, publisher: P, kind: report}]\n", "input/sources.yml:1:1: error TL0962: " },
        { "a flow list after a comment", "# sources\n  [ {id: report-a, title: A, publisher: P, kind: report} ]\n", "input/sources.yml:2:3: error TL0962: " },
        { "a set of fields", "id: report-a\ntitle: A\n", "input/sources.yml:1:1: error TL0103: " },
        { "tab indentation", "- id: report-a\n\ttitle: A\n", "input/sources.yml:2:1: error TL0101: " },
        { "an unclosed quote", "- id: report-a\n  title: \"A\n", "input/sources.yml:2:10: error TL0100: " },
        { "the same id", "- id: a-new-source\n  title: A\n  publisher: P\n  kind: report\n", "input/sources.yml:1:7: error TL0953: " },
        { "the same id in braces", "- {id: a-new-source, title: A, publisher: P, kind: report}\n", "input/sources.yml:1:8: error TL0953: " },
    };

    [Theory]
    [MemberData(nameof(RefusedSourceLists))]
    public void New_source_refuses_a_list_it_cannot_extend_and_leaves_it_byte_for_byte(string shape, string text, string error)
    {
        var folder = NewSite();
        var sources = Path.Combine(folder, "input", "sources.yml");
        File.WriteAllText(sources, text);
        var before = File.ReadAllBytes(sources);

        var (code, errors) = RunIn(folder, (output, errors) => Timeline.Cli.New.NewCommand.Source(Path.Combine(folder, "input"), "A new source", null, new Timeline.Input.PathDisplay(folder), output, errors));

        Assert.True(code == 1, $"{shape}: {errors}");
        Assert.StartsWith(error, errors, StringComparison.Ordinal);
        Assert.EndsWith(". Nothing was written.\n", errors.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(sources));
    }

    [Fact]
    public void New_source_into_a_missing_or_empty_sources_yml_writes_a_list_check_reads()
    {
        foreach (var text in new string?[] { null, "", "# sources come here\n", "---\n" })
        {
            var folder = NewSite();
            var sources = Path.Combine(folder, "input", "sources.yml");
            File.Delete(sources);
            if (text is not null)
            {
                File.WriteAllText(sources, text);
            }

            Assert.Equal(0, Run("new", "source", "--input", Path.Combine(folder, "input"), "--title", "A new source", "--id", "report-a").Code);
            var parsed = new Timeline.Diagnostics.DiagnosticBag();
            var list = Timeline.Loading.SourceLoader.Load(new Timeline.Input.InputFile(sources, "sources.yml", File.ReadAllText(sources)), parsed);
            Assert.Equal(["TL0105", "TL0105"], parsed.Sorted().Select(d => d.Code));
            Assert.Empty(list);
        }
    }

    public static TheoryData<string, string> OddEventFolders() => new()
    {
        { "events is a file", "input/events/: error TL0961: 'input/events' is a file" },
        { "the year folder is a file", "input/events/1999/: error TL0961: 'input/events/1999' is a file" },
        { "the year folder is a link", "input/events/1999/: error TL0961: 'input/events/1999' is a link" },
        { "the year folder is a dangling link", "input/events/1999/: error TL0961: 'input/events/1999' is a link" },
        { "the event file is a dangling link", "input/events/1999/1999-01-02-a-new-event.yml:1:1: error TL0010: this is a link to something that does not exist" },
        { "the input folder is a file", "input/site.yml/: error TL0961: 'input/site.yml' is a file" },
    };

    [Theory]
    [MemberData(nameof(OddEventFolders))]
    public void New_event_refuses_odd_places_with_an_error_and_writes_nothing_anywhere(string place, string error)
    {
        var folder = NewSite();
        var events = Path.Combine(folder, "input", "events");
        var outside = TestSite.NewFolder();
        var input = "input";
        switch (place)
        {
            case "events is a file":
                Directory.Delete(events, recursive: true);
                File.WriteAllText(events, "x");
                break;
            case "the year folder is a file":
                File.WriteAllText(Path.Combine(events, "1999"), "x");
                break;
            case "the year folder is a link":
                Directory.CreateSymbolicLink(Path.Combine(events, "1999"), outside);
                break;
            case "the year folder is a dangling link":
                Directory.CreateSymbolicLink(Path.Combine(events, "1999"), Path.Combine(outside, "gone"));
                break;
            case "the event file is a dangling link":
                Directory.CreateDirectory(Path.Combine(events, "1999"));
                File.CreateSymbolicLink(Path.Combine(events, "1999", "1999-01-02-a-new-event.yml"), Path.Combine(outside, "gone.yml"));
                break;
            default:
                input = Path.Combine("input", "site.yml");
                break;
        }

        var (code, errors) = RunIn(folder, (output, errors) => Timeline.Cli.New.NewCommand.Event(Path.Combine(folder, input), "A new event", "1999-01-02", null, new Timeline.Input.PathDisplay(folder), output, errors));

        Assert.True(code == 1, errors);
        Assert.StartsWith(error, errors, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
    }

    /// <summary>Runs a `new` command with paths shown from the site's folder, as an author there sees them.</summary>
    private static (int Code, string Errors) RunIn(string folder, Func<TextWriter, TextWriter, int> command)
    {
        var errors = new StringWriter();
        var code = command(new StringWriter(), errors);
        return (code, errors.ToString());
    }
}

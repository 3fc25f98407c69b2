using Timeline.Tests.Support;

namespace Timeline.Tests.Cli;

public sealed class CommandLineTests
{
    private static (int Code, string Output, string Errors) Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = Timeline.Cli.Program.Run(args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Build_succeeds_with_exit_code_0_and_a_closing_line()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);
        var output = Path.Combine(folder, "output");

        var (code, text, _) = Run("build", "--input", Path.Combine(folder, "input"), "--theme", Repository.Theme, "--output", output);

        Assert.Equal(0, code);
        Assert.Matches(@"^Built 5 events, 1 page, 3 sources into .*output/ \(\d+ files\) in \d+\.\d\d s; 0 errors, 0 warnings\.", text);
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
    }

    [Fact]
    public void Check_reports_errors_with_a_count_and_exit_code_1_without_a_stack_trace()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);
        File.WriteAllText(Path.Combine(folder, "input", "events", "bad.yml"), "date: 1988-02-30\ntitle: T\nsummary: S\nsources: [nope]\n");

        var (code, _, errors) = Run("check", "--input", Path.Combine(folder, "input"), "--theme", Repository.Theme);

        Assert.Equal(1, code);
        Assert.Contains("error TL0201", errors, StringComparison.Ordinal);
        Assert.EndsWith("1 error, 0 warnings. Nothing was written.\n", errors.Replace("\r\n", "\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("build", "--no-such-option")]
    [InlineData]
    public void Usage_errors_exit_with_code_2(params string[] args) =>
        Assert.Equal(2, Run(args).Code);

    [Fact]
    public void A_bad_base_url_option_is_a_usage_error_against_the_option_not_site_yml()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);

        var (code, _, errors) = Run("check", "--input", Path.Combine(folder, "input"), "--theme", Repository.Theme, "--base-url", "javascript:alert(1)");

        Assert.Equal(2, code);
        Assert.Equal(
            "--base-url: error TL0209: '--base-url' is 'javascript:alert(1)', which is not an absolute http or https address. Write it as https://example.org or https://example.org/timeline/.\n",
            errors.Replace("\r\n", "\n"));
    }

    [Fact]
    public void A_bad_base_url_given_to_the_builder_is_reported_against_the_option()
    {
        using var site = TestSite.Build(Path.Combine("valid", "basic"), baseUrl: "example.org/no-scheme");

        Assert.Equal(
            "--base-url: error TL0209: '--base-url' is 'example.org/no-scheme', which is not an absolute http or https address. Write it as https://example.org or https://example.org/timeline/.",
            site.SingleError().ToString());
    }

    [Theory]
    [InlineData("timeline: error TL0960: ", "bogus")]
    [InlineData("timeline: error TL0960: ", "build", "--no-such-option")]
    [InlineData("--title: error TL0960: ", "new", "source")]
    [InlineData("--port: error TL0951: ", "serve", "--port", "70000")]
    public void Every_usage_error_names_the_option_or_the_command_line_and_has_a_code(string start, params string[] args)
    {
        var (code, _, errors) = Run(args);

        Assert.Equal(2, code);
        Assert.All(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Matches(@"^(timeline|--[a-z-]+): error TL\d{4}: ", line));
        Assert.StartsWith(start, errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints_the_version() =>
        Assert.Matches(@"^\d+\.\d+\.\d+", Run("--version").Output);
}

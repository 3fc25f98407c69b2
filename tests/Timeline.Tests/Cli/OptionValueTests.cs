using Timeline.Tests.Support;

namespace Timeline.Tests.Cli;

/// <summary>An option whose value cannot be used (an empty path, a file for a folder, a port that is not a number) is a usage error: exit code 2, a sentence, nothing run.</summary>
public sealed class OptionValueTests
{
    private static (int Code, string Output, string Errors) Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = Timeline.Cli.Program.Run(args, output, errors);
        return (code, output.ToString(), errors.ToString().Replace("\r\n", "\n"));
    }

    private static void AssertUsageError(string expected, params string[] args)
    {
        var (code, output, errors) = Run(args);

        // Named as the README's errors are: by the option at fault, which each of these messages starts with.
        var option = expected.Split(' ')[2];
        Assert.Equal($"{option}: {expected}\n", errors);
        Assert.Equal("", output);
        Assert.Equal(2, code);
    }

    private const string EmptyInput = "error TL0956: --input is empty. Give it a folder, for example --input input, or leave it out for the default 'input'.";

    [Theory]
    [InlineData("check", "--input", "")]
    [InlineData("build", "--input", "   ")]
    [InlineData("serve", "--input", "\t")]
    [InlineData("new", "event", "--title", "A title", "--date", "1988", "--input", "")]
    [InlineData("new", "source", "--title", "A title", "--input", " ")]
    public void An_empty_or_blank_input_folder_is_a_usage_error(params string[] args) =>
        AssertUsageError(EmptyInput, args);

    [Fact]
    public void An_empty_theme_or_output_folder_is_a_usage_error()
    {
        AssertUsageError("error TL0956: --theme is empty. Give it a folder, for example --theme theme, or leave it out for the default 'theme'.", "serve", "--theme", "");
        AssertUsageError("error TL0956: --output is empty. Give it a folder, for example --output output, or leave it out for the default 'output'.", "build", "--output", "");
    }

    [Fact]
    public void A_path_with_a_nul_character_or_longer_than_the_system_allows_is_a_usage_error()
    {
        AssertUsageError("error TL0957: --input 'in\\u0000put' is not a usable path: it holds the character U+0000, which no path may hold. Give the path of a folder.", "check", "--input", "in\0put");
        AssertUsageError(
            "error TL0957: --output '" + new string('a', 77) + "...' is not a usable path: it is longer than the system allows (4095 bytes in all, 255 for each name in it). Give the path of a folder.",
            "build",
            "--output",
            new string('a', 256));
        var deep = string.Join('/', Enumerable.Repeat(new string('b', 200), 21));
        Assert.StartsWith("--theme: error TL0957: --theme 'bbb", Run("check", "--theme", deep).Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_where_a_folder_is_expected_is_a_usage_error()
    {
        var folder = TestSite.NewFolder();
        var file = Path.Combine(folder, "site.yml");
        File.WriteAllText(file, "title: Not a folder\n");

        AssertUsageError($"error TL0958: --input '{file}' is a file, not a folder. Give the path of a folder (it may not exist yet for --output).", "check", "--input", file);
        AssertUsageError($"error TL0958: --theme '{file}' is a file, not a folder. Give the path of a folder (it may not exist yet for --output).", "build", "--theme", file);
        AssertUsageError($"error TL0958: --output '{file}' is a file, not a folder. Give the path of a folder (it may not exist yet for --output).", "build", "--output", file);
        AssertUsageError($"error TL0958: --input '{file}' is a file, not a folder. Give the path of a folder (it may not exist yet for --output).", "new", "source", "--title", "T", "--input", file);
        Assert.Equal("title: Not a folder\n", File.ReadAllText(file));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("65536")]
    [InlineData("99999999999")]
    [InlineData("8080.5")]
    public void A_port_that_is_not_a_port_is_a_usage_error(string port) =>
        AssertUsageError($"error TL0951: --port is '{port}', which is not a port. Give a number from 1 to 65535, or 0 for any free port.", "serve", "--port", port);

    [Theory]
    [InlineData("event", "--date", "1988")]
    [InlineData("source")]
    public void A_blank_title_for_a_new_record_is_a_usage_error(string command, params string[] more)
    {
        var input = Path.Combine(TestSite.NewFolder(), "input");

        AssertUsageError("error TL0959: --title is empty. Give the record's title, for example --title \"Death commissions formed\".", ["new", command, "--title", "  ", "--input", input, .. more]);
        Assert.False(Directory.Exists(input));
    }
}

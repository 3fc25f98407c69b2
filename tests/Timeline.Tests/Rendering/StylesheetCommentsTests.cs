using Timeline.Rendering;

namespace Timeline.Tests.Rendering;

public sealed class StylesheetCommentsTests
{
    [Fact]
    public void Comments_blank_lines_and_indentation_go_and_strings_stay_as_written()
    {
        const string Css = """
            /* The theme's note
               on two lines. */
            a::after { content: " /* not a comment */ "; }

              .x { font-family: 'It\'s /*'; } /* trailing */
            """;

        Assert.Equal("a::after { content: \" /* not a comment */ \"; }\n.x { font-family: 'It\\'s /*'; }\n", StylesheetComments.Strip(Css));
    }

    [Fact]
    public void The_served_stylesheet_has_every_rule_of_the_themes()
    {
        var theme = File.ReadAllText(Path.Combine(Support.Repository.Theme, "assets", "style.css"));
        var served = StylesheetComments.Strip(theme);

        Assert.DoesNotContain("/*", served, StringComparison.Ordinal);
        Assert.Equal(theme.Count(c => c == '{'), served.Count(c => c == '{'));
        Assert.Equal(theme.Count(c => c == '}'), served.Count(c => c == '}'));
        Assert.True(served.Length <= theme.Length * 4 / 5, $"{served.Length} of {theme.Length} characters kept.");
    }
}

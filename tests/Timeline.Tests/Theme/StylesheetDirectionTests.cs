using System.Text.RegularExpressions;
using Timeline.Tests.Support;

namespace Timeline.Tests.Theme;

/// <summary>
/// The theme's one stylesheet serves left-to-right and right-to-left pages: it names sides only through logical
/// properties and values (inline-start and inline-end), never left or right, so dir="rtl" mirrors every rule, print included.
/// </summary>
public sealed partial class StylesheetDirectionTests
{
    private static string Stylesheet => File.ReadAllText(Path.Combine(Repository.Theme, "assets", "style.css"));

    [Fact]
    public void The_stylesheet_names_no_physical_side()
    {
        var declarations = Declarations(Stylesheet);

        // The parser must see the whole stylesheet (including @media print and @font-face) for its silence to mean anything.
        Assert.True(declarations.Count > 150, $"Only {declarations.Count} declarations were found.");
        Assert.Contains(declarations, d => d.Property == "padding-inline-start");
        Assert.Contains(declarations, d => d.Property == "unicode-range");
        Assert.Empty(declarations.Where(IsPhysical).Select(d => $"{d.Property}: {d.Value}"));
    }

    [Theory]
    [InlineData(".a { margin-left: 1rem }")]
    [InlineData(".a { padding-right: 1rem }")]
    [InlineData(".a { border-left: 1px solid }")]
    [InlineData(".a { border-top-right-radius: 2px }")]
    [InlineData(".a { left: 0 }")]
    [InlineData(".a { right: 0.5rem }")]
    [InlineData(".a { inset-left: 0 }")]
    [InlineData(".a { scroll-padding-left: 1rem }")]
    [InlineData(".a { text-align: left }")]
    [InlineData(".a { text-align: RIGHT }")]
    [InlineData(".a { float: right }")]
    [InlineData(".a { clear: left }")]
    [InlineData(".a { background-position: right 1rem top }")]
    [InlineData(".a { margin: 0 1rem 0 2rem }")]
    [InlineData(".a { padding: 1px 2px 3px 4px }")]
    [InlineData(".a { inset: 0 auto 0 0 }")]
    [InlineData(".a { border-radius: 4px 0 }")]
    [InlineData("@media print { .a { color: red } .b { padding-left: 1pt } }")]
    public void Physical_sides_are_found(string css)
    {
        Assert.Single(Declarations(css), IsPhysical);
    }

    [Theory]
    [InlineData(".a { margin-inline-start: 1rem; padding-inline: 1rem 2rem; inset-inline-end: 0 }")]
    [InlineData(".a { text-align: start; float: inline-start; clear: inline-end }")]
    [InlineData(".a { margin: 0 1rem; padding: 1px 2px 3px; border-radius: 4px; margin: 1px 2px 3px 2px }")]
    [InlineData("/* left and right in a comment */ .a { content: \" (right)\"; background: url(\"left.png\") }")]
    [InlineData("a:hover { color: red } .a::after { content: attr(href) }")]
    public void Logical_sides_are_not_flagged(string css)
    {
        Assert.DoesNotContain(Declarations(css), IsPhysical);
    }

    [Fact]
    public void Persian_text_has_its_own_typeface_line_spacing_and_note_numbers()
    {
        var declarations = Declarations(Stylesheet);

        Assert.Contains(declarations, d => d.Property == "--text-font" && d.Value.StartsWith("Vazirmatn,", StringComparison.Ordinal) && d.Value.EndsWith("sans-serif", StringComparison.Ordinal));
        Assert.Contains(declarations, d => d.Property == "list-style-type" && d.Value == "persian");
        Assert.All(declarations.Where(d => d.Property == "font-display"), d => Assert.Equal("optional", d.Value));
        Assert.Equal(2, declarations.Count(d => d.Property == "font-display"));
    }

    private sealed record Declaration(string Property, string Value);

    private static readonly HashSet<string> FourSideShorthands =
        ["margin", "padding", "inset", "border-width", "border-style", "border-color", "scroll-margin", "scroll-padding"];

    /// <summary>Whether a declaration makes a rule look different on the left and on the right.</summary>
    private static bool IsPhysical(Declaration declaration)
    {
        if (declaration.Property.Split('-').Any(part => part is "left" or "right"))
        {
            return true;
        }

        if (SideKeyword().IsMatch(declaration.Value))
        {
            return true;
        }

        var values = Values(declaration.Value);
        return (FourSideShorthands.Contains(declaration.Property) && values.Count == 4 && values[1] != values[3])
            || (declaration.Property == "border-radius" && values.Distinct(StringComparer.Ordinal).Count() > 1);
    }

    /// <summary>The declarations of every rule, with comments removed and strings and url() emptied.</summary>
    private static List<Declaration> Declarations(string css)
    {
        var text = Comment().Replace(css, " ");
        text = Url().Replace(QuotedString().Replace(text, "\"\""), "url()");
        return InnermostBlock().Matches(text)
            .SelectMany(block => block.Groups[1].Value.Split(';'))
            .Select(part => part.Split(':', 2))
            .Where(pair => pair.Length == 2 && pair[0].Trim().Length > 0)
            .Select(pair => new Declaration(pair[0].Trim().ToLowerInvariant(), pair[1].Trim()))
            .ToList();
    }

    /// <summary>A value's space-separated parts, keeping what is inside parentheses together.</summary>
    private static List<string> Values(string value)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i == value.Length || (depth == 0 && char.IsWhiteSpace(value[i])))
            {
                if (i > start)
                {
                    parts.Add(value[start..i]);
                }

                start = i + 1;
            }
            else if (value[i] == '(')
            {
                depth++;
            }
            else if (value[i] == ')')
            {
                depth--;
            }
        }

        return parts;
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'")]
    private static partial Regex QuotedString();

    [GeneratedRegex(@"url\([^)]*\)", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex InnermostBlock();

    [GeneratedRegex(@"(?<![\w-])(left|right)(?![\w-])", RegexOptions.IgnoreCase)]
    private static partial Regex SideKeyword();
}

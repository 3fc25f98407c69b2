using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Pipeline;
using Timeline.ShareImages;
using Timeline.Tests.Support;

namespace Timeline.Tests.ShareImages;

/// <summary>
/// Wrapping a title into the share image costs, counted in characters shaped, a bounded amount per word: a long title
/// or one long word no longer costs the square of its length (20,000 characters without a space took 31 s).
/// </summary>
public sealed class ShareImageWrappingTests
{
    private static long Shaped(string title)
    {
        var folder = TestSite.NewFolder();
        var options = new BuildOptions(folder, Repository.Theme, Path.Combine(folder, "output"), null, folder) { ToolsFolder = Repository.Root };
        var design = ShareImageDesignLoader.Load(Repository.Theme, options.LocateTools(), new PathDisplay(folder), new DiagnosticBag())!;
        using var typefaces = new ShareImageTypefaces(design);
        using var renderer = new ShareImageRenderer(design, typefaces);
        Assert.NotEmpty(renderer.DrawEvent("Site", title, "19 July 1988", "۲۸ تیر ۱۳۶۷"));
        return renderer.CharactersShaped;
    }

    [Theory]
    [InlineData("x")]
    [InlineData("word ")]
    [InlineData("کلمه ")]
    [InlineData(".")]
    public void Shaping_grows_no_faster_than_the_title(string unit)
    {
        var small = Shaped(string.Concat(Enumerable.Repeat(unit, 20_000 / unit.Length)));
        var large = Shaped(string.Concat(Enumerable.Repeat(unit, 80_000 / unit.Length)));

        // Four times the text: linear work is at most four times as much, quadratic would be sixteen.
        Assert.True(large <= 5 * small, $"20,000 characters shaped {small:N0}, 80,000 shaped {large:N0}.");
    }

    [Fact]
    public void One_word_wider_than_the_image_is_shaped_a_few_times_not_once_per_character()
    {
        var shaped = Shaped(new string('x', 20_000));

        // Halving a 1,000-character start: about ten shapings of it at each of the few title sizes tried.
        Assert.True(shaped < 20 * 12 * ShareImageRenderer.MaxLineCharacters, $"{shaped:N0} characters shaped.");
    }
}

using Fluid;
using Timeline.Theme;

namespace Timeline.Tests.Theme;

/// <summary>
/// The bound on filters' results stops what a template makes grow (append in a loop doubles a text), not a long
/// value that the site's own data made: the overview of 100,000 events is 20 million characters, written with raw.
/// </summary>
public sealed class TemplateLimitsTests
{
    private static readonly string Long = new('x', TemplateLimits.MaxValueLength + 1);

    private static string Render(string template)
    {
        var options = new TemplateOptions();
        TemplateLimits.Apply(options);
        var context = new TemplateContext(new Dictionary<string, object> { ["long"] = Long }, options);
        return new FluidParser().Parse(template).Render(context);
    }

    [Fact]
    public void A_long_value_passed_on_by_a_filter_is_written() =>
        Assert.Equal(Long.Length, Render("{{ long | raw }}").Length);

    [Fact]
    public void A_filter_that_makes_a_long_value_longer_is_stopped() =>
        Assert.Equal(TemplateLimit.Value, Assert.Throws<TemplateLimitException>(() => Render("{{ long | append: 'x' }}")).Limit);

    [Fact]
    public void A_text_doubled_in_a_loop_is_stopped() =>
        Assert.Equal(TemplateLimit.Value, Assert.Throws<TemplateLimitException>(() => Render("{% assign s = 'ab' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s.size }}")).Limit);
}

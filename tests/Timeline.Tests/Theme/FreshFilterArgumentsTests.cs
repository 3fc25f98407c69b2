using System.Collections;
using System.Reflection;
using Fluid.Ast;
using Fluid.Values;
using Fluid;
using Timeline.Input;
using Timeline.Theme;
using Timeline.Tests.Support;

namespace Timeline.Tests.Theme;

/// <summary>
/// Pages render on several threads from one parsed theme. Fluid 2.41 can leave a filter holding the arguments of the
/// first page that ran it, when two ran it at once (a Persian embed card once named the site by its English title).
/// The race is too narrow to provoke on purpose; these tests put every filter of a template in the state it leaves.
/// </summary>
public sealed class FreshFilterArgumentsTests
{
    // The embed card's footer, and a filter in a loop, in an assignment and applied to another filter's result.
    private const string Template =
        "{%- capture site_name %}{{ site.title }}{% endcapture -%}" +
        "{{ footer | replace: '{site}', site_name | raw }}|" +
        "{% for e in events %}{{ e | append: site.mark }}{% endfor %}|" +
        "{% assign shout = site.title | upcase | append: site.mark %}{{ shout }}|" +
        "{{ site.title | size | plus: site.count }}";

    [Fact]
    public void Each_page_renders_its_own_arguments_where_Fluid_kept_another_pages()
    {
        var options = new TemplateOptions();
        var parser = new FluidParser();
        var expected = Render(parser.Parse(Template), options);

        var plain = parser.Parse(Template);
        Assert.True(Poison(plain) >= 4, "the walk found the template's filters");
        // What the race leaves: Fluid's own filters write the other page's values.
        Assert.Contains("STALE", Render(plain, options), StringComparison.Ordinal);

        var prepared = ThemeTemplates.Prepared(parser.Parse(Template), "test.liquid", Template);
        Poison(prepared);
        Assert.Equal(expected, Render(prepared, options));
    }

    [Fact]
    public void No_template_of_the_shipped_theme_keeps_arguments_between_pages()
    {
        var theme = ThemeTemplates.Load(Repository.Theme, new PathDisplay(Repository.Root), new Timeline.Diagnostics.DiagnosticBag())!;
        var folder = Path.Combine(Repository.Theme, "templates");
        var parser = new FluidParser();
        var kept = new List<string>();
        var safe = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.liquid", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(folder, file).Replace('\\', '/');
            var raw = parser.Parse(File.ReadAllText(file));
            // What pages render: the templates and partials as the theme prepares them when parsed.
            var prepared = theme.Options.TemplateParsed(name, raw);
            kept.AddRange(Nodes(prepared, enter: n => n.GetType().Name != "PerRender").OfType<FilterExpression>().Where(VariesByPage).Select(_ => name));
            safe += Nodes(prepared, enter: _ => true).Count(n => n.GetType().Name == "PerRender");
        }

        Assert.Empty(kept);
        // The shipped theme has such filters (its embed card's footer among them), and the walk reached them.
        Assert.True(safe >= 10, $"{safe} filters with arguments that vary were found");
    }

    private static bool VariesByPage(FilterExpression filter) => filter.Parameters.Any(p => p.Expression is not LiteralExpression);

    private static string Render(IFluidTemplate template, TemplateOptions options)
    {
        var context = new TemplateContext(options);
        context.SetValue("footer", "Read it on {site}");
        context.SetValue("site", new Dictionary<string, object> { ["title"] = "گاه‌شمار", ["mark"] = "!", ["count"] = 3 });
        context.SetValue("events", new[] { "a", "b" });
        return template.Render(context);
    }

    // Every filter of the tree holds arguments "STALE", as if another page had run it first.
    private static int Poison(IFluidTemplate template)
    {
        var cached = typeof(FilterExpression).GetField("_cachedArguments", BindingFlags.Instance | BindingFlags.NonPublic)!;
        var filters = Nodes(template, enter: _ => true).OfType<FilterExpression>().ToList();
        foreach (var filter in filters)
        {
            var stale = new FilterArguments();
            foreach (var parameter in filter.Parameters)
            {
                stale.Add(parameter.Name, new StringValue("STALE"));
            }

            cached.SetValue(filter, stale);
        }

        return filters.Count;
    }

    // The nodes of a parsed template, ours (loop marks, bounded ranges) included, found through their fields.
    private static IEnumerable<object> Nodes(object root, Func<object, bool> enter)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<object>([root]);
        while (stack.TryPop(out var node))
        {
            if (!seen.Add(node))
            {
                continue;
            }

            yield return node;
            if (!enter(node))
            {
                continue;
            }

            for (var type = node.GetType(); type is not null; type = type.BaseType)
            {
                foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    var value = field.GetValue(node);
                    var items = value is IEnumerable list and not string ? list.Cast<object?>() : [value];
                    foreach (var item in items)
                    {
                        if (item is not null && IsTemplatePart(item.GetType()))
                        {
                            stack.Push(item);
                        }
                    }
                }
            }
        }
    }

    private static bool IsTemplatePart(Type type) =>
        (type.Assembly == typeof(FluidParser).Assembly || type.Assembly == typeof(ThemeTemplates).Assembly)
        && type != typeof(FluidParser) && type != typeof(TemplateOptions);
}

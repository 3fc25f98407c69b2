using Fluid.Ast;
using Fluid.Values;
using Fluid;

namespace Timeline.Theme;

/// <summary>
/// Fluid 2.41 keeps a filter's arguments in the parsed template after their first evaluation when it finds them all
/// literal, and finds that out while evaluating them: two pages rendering the same filter for the first time at once
/// can leave it holding one page's values for every later page (a Persian embed card named the site by its English
/// title). A filter with any argument that is not a literal is evaluated through a node of its own on each render,
/// which keeps Fluid's meaning of a filter and shares nothing. Fluid 3 decides this once, when it parses.
/// </summary>
internal static class FreshFilterArguments
{
    /// <summary>The template with every filter whose arguments vary made safe to render on several threads at once.</summary>
    public static IFluidTemplate Apply(IFluidTemplate template) => new Rewriter().VisitTemplate(template);

    private sealed class Rewriter : AstRewriter
    {
        protected override Expression VisitFilterExpression(FilterExpression filterExpression)
        {
            // Its input first: a filter applied to another's result (a | f: x | g: y) holds that other as its input.
            var visited = base.VisitFilterExpression(filterExpression);
            return visited is FilterExpression filter && filter.Parameters.Any(p => p.Expression is not LiteralExpression) ? new PerRender(filter) : visited;
        }
    }

    // Only a node no other render sees may keep arguments: each render makes its own, and lets it go.
    private sealed class PerRender(FilterExpression filter) : Expression
    {
        public override ValueTask<FluidValue> EvaluateAsync(TemplateContext context) =>
            new FilterExpression(filter.Input, filter.Name, filter.Parameters).EvaluateAsync(context);
    }
}

using System.Text;
using Microsoft.Playwright;

namespace Timeline.Tests.Browser;

/// <summary>
/// axe-core finds no WCAG 2.2 A/AA violation on each kind of page. axe is injected as an inline script, which the
/// published CSP refuses, so these pages come from the server that sends no CSP (the CSP is tested on its own).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests
{
    internal const string RunAxe = """
        async () => {
          const results = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
          });
          return results.violations.map(v => ({
            id: v.id,
            impact: v.impact || '',
            help: v.help,
            helpUrl: v.helpUrl,
            nodes: v.nodes.map(n => ({ target: JSON.stringify(n.target), html: n.html.slice(0, 200), summary: n.failureSummary || '' })),
          }));
        }
        """;

    private readonly BrowserSite _site;

    public AccessibilityTests(BrowserSite site)
    {
        _site = site;
    }

    public sealed class Violation
    {
        public string Id { get; set; } = "";

        public string Impact { get; set; } = "";

        public string Help { get; set; } = "";

        public string HelpUrl { get; set; } = "";

        public ViolationNode[] Nodes { get; set; } = [];
    }

    public sealed class ViolationNode
    {
        public string Target { get; set; } = "";

        public string Html { get; set; } = "";

        public string Summary { get; set; } = "";
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/events/1988-08-15-montazeri-meeting/")]
    [InlineData("/embed/events/1988-08-15-montazeri-meeting/")]
    [InlineData("/sources/")]
    [InlineData("/sources/amnesty-blood-soaked-secrets/")]
    [InlineData("/sources/jvmi-iran1988/")]
    [InlineData("/tags/death-commissions/")]
    [InlineData("/people/ebrahim-raisi/")]
    [InlineData("/years/1988/")]
    [InlineData("/tags/")]
    [InlineData("/people/")]
    [InlineData("/about/")]
    [InlineData("/404.html")]
    [InlineData("/search/")]
    public async Task Axe_finds_no_wcag_violations(string path)
    {
        Prerequisites.RequireAxe();
        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(_site.SiteWithoutCsp.Url(path));
        await watched.Page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Prerequisites.AxeScript });

        var violations = await watched.Page.EvaluateAsync<Violation[]>(RunAxe);

        Assert.True(violations.Length == 0, Describe(path, violations));
        watched.AssertNoProblems();
    }

    internal static string Describe(string path, Violation[] violations)
    {
        var text = new StringBuilder($"axe-core found {violations.Length} kind(s) of WCAG violation on {path}:\n");
        foreach (var violation in violations)
        {
            text.Append($"\n{violation.Id} ({violation.Impact}): {violation.Help}\n  {violation.HelpUrl}\n");
            foreach (var node in violation.Nodes)
            {
                text.Append($"  target: {node.Target}\n    {node.Html}\n    {node.Summary.ReplaceLineEndings("\n    ")}\n");
            }
        }

        return text.ToString();
    }
}

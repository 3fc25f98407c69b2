using Timeline.Tests.Support;

namespace Timeline.Tests.Workflows;

/// <summary>.github/workflows/site.yml, linted by action-validator (npm @action-validator/cli) against GitHub's workflow schema.</summary>
public sealed class GitHubWorkflowTests
{
    private const string Linter = "@action-validator/cli/cli.mjs";

    private static string Workflow => Path.Combine(Repository.Root, ".github", "workflows", "site.yml");

    [Fact]
    public void The_site_workflow_lints_clean()
    {
        var (code, output, errors) = NodeScript.Run(Linter, null, Workflow);

        Assert.True(code == 0, $"action-validator found problems in {Workflow}:\n{output}{errors}");
    }

    [Fact]
    public void The_linter_rejects_a_broken_copy_so_a_clean_result_means_something()
    {
        var broken = Path.Combine(TestSite.NewFolder(), "site.yml");
        File.WriteAllText(broken, File.ReadAllText(Workflow).Replace("runs-on:", "run-on:", StringComparison.Ordinal));

        var (code, output, errors) = NodeScript.Run(Linter, null, broken);

        Assert.NotEqual(0, code);
        Assert.Contains("run-on", output + errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Pull_requests_are_checked_with_annotations_and_main_is_published_to_pages()
    {
        var text = File.ReadAllText(Workflow);

        Assert.Contains("check --format github", text, StringComparison.Ordinal);
        Assert.Contains("uses: actions/upload-pages-artifact@", text, StringComparison.Ordinal);
        Assert.Contains("uses: actions/deploy-pages@", text, StringComparison.Ordinal);
        Assert.Contains("pages: write", text, StringComparison.Ordinal);
        Assert.Contains("id-token: write", text, StringComparison.Ordinal);
        Assert.Contains("npm ci --ignore-scripts", text, StringComparison.Ordinal);
    }
}

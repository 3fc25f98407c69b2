using System.Diagnostics;

namespace Timeline.Tests.Browser;

/// <summary>The Nu HTML checker (vnu.jar, the W3C validator) finds no error in any page of the shipped site.</summary>
public sealed class HtmlValidatorTests : IClassFixture<ShippedOutput>
{
    private readonly ShippedOutput _output;

    public HtmlValidatorTests(ShippedOutput output)
    {
        _output = output;
    }

    [Fact]
    public async Task Every_page_is_valid_html()
    {
        var java = Prerequisites.RequireJavaAndVnu();
        var pages = _output.PagePaths().Count;
        Assert.True(pages > 30, $"Only {pages} pages were built.");

        var start = new ProcessStartInfo(java)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-jar", Prerequisites.VnuJar, "--errors-only", "--skip-non-html", _output.Output })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"Could not start {java}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("The Nu HTML checker ran for more than 3 minutes.");
            }
        }

        var messages = ((await stdout) + (await stderr)).Trim().Replace(_output.Output, "output", StringComparison.Ordinal);
        Assert.True(
            process.ExitCode == 0 && messages.Length == 0,
            $"The Nu HTML checker found errors in the shipped site (exit code {process.ExitCode}):\n{messages}");
    }
}

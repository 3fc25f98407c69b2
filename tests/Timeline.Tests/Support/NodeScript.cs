using System.Diagnostics;

namespace Timeline.Tests.Support;

/// <summary>
/// Runs a script with node: a path inside the repository's node_modules (installed by `npm ci`, as .ci/run does), or a
/// full path to a script of the tests, which finds its packages in the same node_modules.
/// </summary>
public static class NodeScript
{
    public static string NodeModules => Path.Combine(Repository.Root, "node_modules");

    public static (int Code, string Output, string Errors) Run(string script, string? standardInput, params string[] args)
    {
        var path = Path.IsPathRooted(script) ? script : Path.Combine(NodeModules, script);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing; if it is in node_modules: Run `npm ci --ignore-scripts` at the repository root ({Repository.Root}); .ci/run does this.");
        }

        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(path);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
        }

        process.StandardInput.Close();
        process.WaitForExit();
        return (process.ExitCode, output.Result, errors.Result);
    }
}

using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Timeline.Tests.Support;

namespace Timeline.Tests.Workflows;

/// <summary>
/// Netlify's build: netlify.toml runs .ci/netlify-build, which installs the .NET 10 SDK into Netlify's cache folder
/// only when no dotnet with a 10.0 SDK is found. Netlify itself is out of reach here, so its choice is tested with
/// `--which-dotnet` against fake cache folders and PATHs, never downloading anything.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed partial class NetlifyBuildTests
{
    private static string Script => Path.Combine(Repository.Root, ".ci", "netlify-build");

    /// <summary>The [build] table of netlify.toml, read as TOML reads it: key = "basic string", comments and blank lines skipped.</summary>
    private static Dictionary<string, string> BuildTable()
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        foreach (var raw in File.ReadLines(Path.Combine(Repository.Root, "netlify.toml")))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                current = line;
                continue;
            }

            if (current == "[build]")
            {
                var match = KeyValue().Match(line);
                Assert.True(match.Success, $"netlify.toml's [build] has a line this reader does not know: {line}");
                table[match.Groups["key"].Value] = Regex.Unescape(match.Groups["value"].Value);
            }
        }

        return table;
    }

    [Fact]
    public void Netlify_runs_the_build_script_and_publishes_the_output_folder()
    {
        var build = BuildTable();

        Assert.Equal(".ci/netlify-build", build["command"]);
        Assert.Equal("output", build["publish"]);
        Assert.True(File.GetUnixFileMode(Script).HasFlag(UnixFileMode.UserExecute), ".ci/netlify-build is not executable.");
        var text = File.ReadAllText(Script);
        Assert.Contains("dotnet-install.sh --output", text, StringComparison.Ordinal);
        Assert.Contains("--channel 10.0 --install-dir \"$sdk\"", text, StringComparison.Ordinal);
        Assert.Contains("run --project src/Timeline.Cli -c Release -- build", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dotnet_on_the_path_with_a_10_sdk_is_used_as_it_is()
    {
        var cache = TestSite.NewFolder();

        Assert.Equal("dotnet", WhichDotnet(cache, Environment.GetEnvironmentVariable("PATH")!));
    }

    [Fact]
    public void The_sdk_in_the_cache_folder_is_reused_and_installed_only_when_missing_or_too_old()
    {
        var cache = TestSite.NewFolder();
        var path = ToolsWithoutDotnet();

        Assert.Equal($"install {cache}/dotnet", WhichDotnet(cache, path));

        FakeDotnet(Path.Combine(cache, "dotnet"), "9.0.300");
        Assert.Equal($"install {cache}/dotnet", WhichDotnet(cache, path));

        FakeDotnet(Path.Combine(cache, "dotnet"), "10.0.100");
        Assert.Equal($"{cache}/dotnet/dotnet", WhichDotnet(cache, path));

        // A dotnet on the path without a 10.0 SDK is passed over for the cache's.
        FakeDotnet(path, "8.0.400");
        Assert.Equal($"{cache}/dotnet/dotnet", WhichDotnet(cache, path));
    }

    private static string WhichDotnet(string cache, string path)
    {
        var info = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add("--which-dotnet");
        info.Environment["NETLIFY_CACHE_DIR"] = cache;
        info.Environment["PATH"] = path;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
        return output.TrimEnd('\n');
    }

    /// <summary>A PATH holding only the one tool the script's choice needs besides the shell's own commands: grep.</summary>
    private static string ToolsWithoutDotnet()
    {
        var tools = TestSite.NewFolder();
        File.CreateSymbolicLink(Path.Combine(tools, "grep"), "/usr/bin/grep");
        return tools;
    }

    private static void FakeDotnet(string folder, string sdkVersion)
    {
        Directory.CreateDirectory(folder);
        var fake = Path.Combine(folder, "dotnet");
        File.WriteAllText(fake, $"#!/bin/sh\necho '{sdkVersion} [{folder}/sdk]'\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [GeneratedRegex("""^(?<key>[A-Za-z_-]+)\s*=\s*"(?<value>(?:[^"\\]|\\.)*)"\s*(#.*)?$""")]
    private static partial Regex KeyValue();
}

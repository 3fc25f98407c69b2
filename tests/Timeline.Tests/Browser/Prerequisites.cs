using Timeline.Tests.Support;

namespace Timeline.Tests.Browser;

/// <summary>
/// What the browser and validator tests need besides the .NET SDK. A missing one fails the tests with a message
/// that says what to install; they never skip, since CI (.ci/run) installs all of them.
/// </summary>
public static class Prerequisites
{
    /// <summary>Debian's Chromium. The tests never download a browser.</summary>
    public const string Chromium = "/usr/bin/chromium";

    public static string NodeModules => Path.Combine(Repository.Root, "node_modules");

    public static string AxeScript => Path.Combine(NodeModules, "axe-core", "axe.min.js");

    public static string VnuJar => Path.Combine(NodeModules, "vnu-jar", "build", "dist", "vnu.jar");

    /// <summary>TimelineJS's built script and stylesheets (npm package @knight-lab/timelinejs): js/ and css/.</summary>
    public static string TimelineJs => Path.Combine(NodeModules, "@knight-lab", "timelinejs", "dist");

    private const string NpmHint = "Run `npm ci --ignore-scripts` at the repository root ({0}); .ci/run does this.";

    public static void RequireChromium()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {Chromium}, which is missing. Install it with " +
                "`apt-get install -y --no-install-recommends chromium` (.ci/run does this). Do not use `playwright install`.");
        }
    }

    public static void RequireAxe()
    {
        if (!File.Exists(AxeScript))
        {
            throw new InvalidOperationException($"The accessibility tests need {AxeScript} (npm package axe-core), which is missing. " + string.Format(NpmHint, Repository.Root));
        }
    }

    public static void RequireTimelineJs()
    {
        if (!File.Exists(Path.Combine(TimelineJs, "js", "timeline.js")))
        {
            throw new InvalidOperationException($"The TimelineJS test needs {TimelineJs} (npm package @knight-lab/timelinejs), which is missing. " + string.Format(NpmHint, Repository.Root));
        }
    }

    /// <summary>The java command to run the Nu HTML checker with.</summary>
    public static string RequireJavaAndVnu()
    {
        if (!File.Exists(VnuJar))
        {
            throw new InvalidOperationException($"The HTML validator test needs {VnuJar} (npm package vnu-jar), which is missing. " + string.Format(NpmHint, Repository.Root));
        }

        return FindOnPath("java") ?? throw new InvalidOperationException(
            "The HTML validator test needs Java 11 or later on the PATH to run the Nu HTML checker, and `java` is not there. " +
            "Install it with `apt-get install -y --no-install-recommends default-jre-headless` (.ci/run does this).");
    }

    private static string? FindOnPath(string command)
    {
        var javaHome = Environment.GetEnvironmentVariable("JAVA_HOME");
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(string.IsNullOrEmpty(javaHome) ? [] : [Path.Combine(javaHome, "bin")]);
        return folders.Select(folder => Path.Combine(folder, command)).FirstOrDefault(File.Exists);
    }
}

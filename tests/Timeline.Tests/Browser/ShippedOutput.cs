using Timeline.Pipeline;
using Timeline.Tests.Support;

namespace Timeline.Tests.Browser;

/// <summary>
/// The shipped site (input/ through theme/), built once into a temporary folder. To check a hand-edited copy of a
/// build instead, point TIMELINE_TEST_SITE_OUTPUT at its folder: the tests then serve that folder as it is.
/// </summary>
public sealed class ShippedOutput : IDisposable
{
    public const string OverrideVariable = "TIMELINE_TEST_SITE_OUTPUT";

    private readonly string? _folder;

    public ShippedOutput()
    {
        var given = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrEmpty(given))
        {
            Output = Path.GetFullPath(given);
            if (!File.Exists(Path.Combine(Output, "index.html")))
            {
                throw new InvalidOperationException($"{OverrideVariable}={given} has no index.html.");
            }

            return;
        }

        _folder = TestSite.NewFolder();
        Output = Path.Combine(_folder, "output");
        var result = TimelineBuilder.Build(new BuildOptions(Repository.Input, Repository.Theme, Output, null, Repository.Root));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The shipped site does not build:\n" + string.Join('\n', result.Diagnostics));
        }
    }

    /// <summary>The built site's folder.</summary>
    public string Output { get; }

    /// <summary>The URL path of every HTML page, <c>/</c> and <c>/events/x/</c> for index.html files, sorted.</summary>
    public IReadOnlyList<string> PagePaths() => Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
        .Select(file => "/" + Path.GetRelativePath(Output, file).Replace(Path.DirectorySeparatorChar, '/'))
        .Select(path => path.EndsWith("/index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path)
        .Order(StringComparer.Ordinal)
        .ToList();

    public void Dispose()
    {
        if (_folder is null)
        {
            return;
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

using System.Globalization;

namespace Timeline.PostProcess;

/// <summary>
/// One page of the site and how to write it. Nothing is rendered until <see cref="Write"/> runs: a build writes every
/// page once, straight into a reused buffer, and `timeline serve` renders only the pages a browser asks for.
/// </summary>
/// <param name="Path">The page's path inside the output folder, with '/'.</param>
/// <param name="Write">Writes the page's text; the writer is a <see cref="StringWriter"/>, which a failed page is cut back on.</param>
public sealed record PageJob(string Path, Action<StringWriter> Write)
{
    /// <summary>The page's text as one string, for a caller that keeps it (serve, tests).</summary>
    public string Render()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer);
        return writer.ToString();
    }
}

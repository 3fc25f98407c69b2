namespace Timeline.Tests.Serve;

/// <summary>
/// Edits that once crashed a build (and made `serve` exit or answer every page with an empty 500) are reported like
/// any other error, at their file and line, while the last good site stays served.
/// </summary>
public sealed class ServeHostileInputTests
{
    public static TheoryData<string, string, string> Edits() => new()
    {
        // Markdown nested deeper than Markdig goes: 128 quotes.
        { "The letter was sent [@letter-b].", "The letter was sent [@letter-b].\n\n  " + new string('>', 128) + " Deep.", "input/events/2020/letter-sent.yml:10:3: error TL0310" },
        // A date before the first day of the Solar Hijri calendar.
        { "date: \"2020-09-03\"", "date: \"0621\"", "input/events/2020/letter-sent.yml:2:7: error TL0213" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task An_edit_that_once_crashed_the_build_is_reported_and_the_site_stays_served(string find, string replace, string error)
    {
        var folder = ServeTests.NewSite();
        using var serve = ServeProcess.Start(folder);
        var record = Path.Combine(folder, "input", "events", "2020", "letter-sent.yml");
        var good = File.ReadAllText(record);

        File.WriteAllText(record, good.Replace(find, replace, StringComparison.Ordinal));

        var errors = serve.WaitFor(() => ServeTests.Status(serve).Errors is { Length: > 0 } e ? e : null, "the error to be reported");
        Assert.Contains(errors, e => e.StartsWith(error, StringComparison.Ordinal));
        Assert.DoesNotContain("internal error", serve.Errors, StringComparison.Ordinal);
        var (status, page) = await serve.Get("events/letter-sent/");
        Assert.Equal(200, status);
        Assert.Contains("The letter is sent", page, StringComparison.Ordinal);
    }
}

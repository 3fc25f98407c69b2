using System.Text.Json;
using Timeline.Tests.Support;

namespace Timeline.Tests.Serve;

/// <summary>`timeline serve` as authors use it: start, read a page, edit, break and fix a record.</summary>
public sealed class ServeTests
{
    private const string EventPath = "events/letter-sent/";

    internal static string NewSite()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);
        return folder;
    }

    internal static (int Version, string[] Errors) Status(ServeProcess serve)
    {
        var (_, body) = serve.Get("/_timeline/status").GetAwaiter().GetResult();
        using var json = JsonDocument.Parse(body);
        return (json.RootElement.GetProperty("version").GetInt32(), json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    private static string? PageWith(ServeProcess serve, string fragment)
    {
        var (status, body) = serve.Get(EventPath).GetAwaiter().GetResult();
        return status == 200 && body.Contains(fragment, StringComparison.Ordinal) ? body : null;
    }

    [Fact]
    public async Task Serves_the_site_under_its_base_path_and_shows_an_edit()
    {
        var folder = NewSite();
        using var serve = ServeProcess.Start(folder);

        Assert.Equal("/memorial/", serve.Site.AbsolutePath);
        var (status, page) = await serve.Get(EventPath);
        Assert.Equal(200, status);
        Assert.Contains("The letter is sent", page, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/_timeline/live.js?v=1\" defer></script>\n</body>", page, StringComparison.Ordinal);

        var record = Path.Combine(folder, "input", "events", "2020", "letter-sent.yml");
        File.WriteAllText(record, File.ReadAllText(record).Replace("The letter is sent", "The letter went out", StringComparison.Ordinal));

        serve.WaitFor(() => PageWith(serve, "The letter went out"), "the edited title");
        Assert.Matches(@"Rebuilt 5 events, 1 page, 3 sources in \d+ ms after changes to input/events/2020/letter-sent\.yml; 0 errors, 0 warnings\.", serve.Output);
        Assert.False(File.Exists(Path.Combine(folder, "output", "index.html")), "serve wrote the output folder.");
    }

    [Fact]
    public async Task A_broken_record_is_reported_while_the_last_good_page_stays_served()
    {
        var folder = NewSite();
        using var serve = ServeProcess.Start(folder);
        var record = Path.Combine(folder, "input", "events", "2020", "letter-sent.yml");
        var good = File.ReadAllText(record);

        File.WriteAllText(record, good.Replace("title:", "titel:", StringComparison.Ordinal));

        var errors = serve.WaitFor(() => Status(serve).Errors is { Length: > 0 } e ? e : null, "the error to be reported");
        Assert.Contains(errors, e => e.StartsWith("input/events/2020/letter-sent.yml:", StringComparison.Ordinal) && e.Contains("error TL0104", StringComparison.Ordinal));
        serve.WaitFor(() => serve.Errors.Contains("error TL0104", StringComparison.Ordinal) ? "" : null, "the error in the terminal");
        var (status, page) = await serve.Get(EventPath);
        Assert.Equal(200, status);
        Assert.Contains("The letter is sent", page, StringComparison.Ordinal);

        // Open pages learn of the errors through the event stream, in the same words as the terminal.
        using (var stream = await serve.Http.GetStreamAsync(new Uri(serve.Root, "/_timeline/events")))
        using (var reader = new StreamReader(stream))
        {
            Assert.Equal("event: state", await reader.ReadLineAsync());
            var data = (await reader.ReadLineAsync())!;
            Assert.StartsWith("data: ", data, StringComparison.Ordinal);
            Assert.Contains("error TL0104", data, StringComparison.Ordinal);
        }

        var before = Status(serve).Version;
        File.WriteAllText(record, good.Replace("The letter is sent", "The letter is sent again", StringComparison.Ordinal));

        serve.WaitFor(() => Status(serve) is { Errors.Length: 0 } s && s.Version > before ? "" : null, "the errors to clear");
        serve.WaitFor(() => PageWith(serve, "The letter is sent again"), "the fixed page");
    }

    [Fact]
    public async Task Serves_folders_files_and_missing_pages_as_a_static_host_would()
    {
        var folder = NewSite();
        using var serve = ServeProcess.Start(folder);

        var root = await serve.Http.GetAsync(serve.Root);
        Assert.Equal("/memorial/", root.RequestMessage!.RequestUri!.AbsolutePath);

        var css = await serve.Http.GetAsync(new Uri(serve.Site, "assets/style.css"));
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);

        var withoutSlash = await serve.Http.GetAsync(new Uri(serve.Site, "events/letter-sent"));
        Assert.Equal(new Uri(serve.Site, EventPath), withoutSlash.RequestMessage!.RequestUri);

        var missing = await serve.Get("no-such-page/");
        Assert.Equal(404, missing.Status);
        Assert.Contains("Page not found", missing.Body, StringComparison.Ordinal);

        using var head = await serve.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(serve.Site, EventPath)));
        Assert.Equal(200, (int)head.StatusCode);
        Assert.True(head.Content.Headers.ContentLength > 0);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        var script = await serve.Get("/_timeline/live.js");
        Assert.Equal(200, script.Status);
        Assert.Contains("EventSource('/_timeline/events')", script.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Polling_sees_an_edit_too()
    {
        var folder = NewSite();
        using var serve = ServeProcess.Start(folder, "--poll");
        Assert.Contains("by polling", serve.Output, StringComparison.Ordinal);

        var record = Path.Combine(folder, "input", "events", "2020", "letter-sent.yml");
        File.WriteAllText(record, File.ReadAllText(record).Replace("The letter is sent", "The letter was polled", StringComparison.Ordinal));

        serve.WaitFor(() => PageWith(serve, "The letter was polled"), "the edited title");
    }

    [Fact]
    public void A_port_in_use_is_an_error_with_exit_code_1()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var folder = NewSite();

        var (code, _, errors) = CliProcess.Run(folder, null, "serve", "--theme", Repository.Theme, "--port", port);

        Assert.Equal(1, code);
        Assert.Contains("error TL0950", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_site_has_no_live_reload_script()
    {
        using var site = TestSite.Build("valid/basic");
        site.AssertSucceeded();

        foreach (var page in Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain("_timeline", File.ReadAllText(page), StringComparison.Ordinal);
        }
    }
}

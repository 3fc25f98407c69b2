using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Timeline.Tests.Support;

namespace Timeline.Tests.Serve;

/// <summary>`timeline serve` running as a child process on a free port; disposing of it always kills it.</summary>
public sealed partial class ServeProcess : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly System.Diagnostics.Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private ServeProcess(string folder, string[] args)
    {
        _process = System.Diagnostics.Process.Start(CliProcess.StartInfo(folder, null, ["serve", "--port", "0", "--theme", Repository.Theme, .. args]))!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _errors.Enqueue(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The site's address, such as http://127.0.0.1:40123/memorial/.</summary>
    public Uri Site { get; private set; } = null!;

    /// <summary>The server's root, where /_timeline/ lives.</summary>
    public Uri Root => new(Site, "/");

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Output => string.Join('\n', _output);

    public string Errors => string.Join('\n', _errors);

    public static ServeProcess Start(string folder, params string[] args)
    {
        var serve = new ServeProcess(folder, args);
        try
        {
            serve.Site = new Uri(serve.WaitFor(() => serve._output.Select(line => Address().Match(line)).FirstOrDefault(m => m.Success)?.Groups[1].Value, "the address it serves on"));
            return serve;
        }
        catch
        {
            serve.Dispose();
            throw;
        }
    }

    public async Task<(int Status, string Body)> Get(string path)
    {
        using var response = await Http.GetAsync(new Uri(path.StartsWith('/') ? Root : Site, path));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Polls until the condition holds; fails with what the server printed after a generous bound (not a timing assertion).</summary>
    public T WaitFor<T>(Func<T?> probe, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"`timeline serve` exited with {_process.ExitCode} while waiting for {what}.\n{Output}\n{Errors}");
            }

            if (probe() is { } found)
            {
                return found;
            }

            Thread.Sleep(50);
        }

        Assert.Fail($"Gave up waiting for {what}.\n{Output}\n{Errors}");
        return default!;
    }

    public void Dispose()
    {
        Http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit();
        }
        finally
        {
            _process.Dispose();
        }
    }

    [GeneratedRegex(@"^Serving (http://127\.0\.0\.1:\d+/\S*)")]
    private static partial Regex Address();
}

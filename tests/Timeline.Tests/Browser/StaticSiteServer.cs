using System.Net.Sockets;
using System.Net;
using System.Text;

namespace Timeline.Tests.Browser;

/// <summary>
/// A tiny static file server for the browser tests, on 127.0.0.1 and a free port. It serves <c>/x/</c> as
/// <c>/x/index.html</c>, sends real Content-Types and, when given them, the headers netlify.toml sets for each path
/// (see <see cref="NetlifyHeaders"/>), and answers an unknown path with the site's 404.html and status 404.
/// One request per connection.
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".webp"] = "image/webp",
        [".ico"] = "image/x-icon",
        [".woff2"] = "font/woff2",
        [".xml"] = "application/xml; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".json"] = "application/json",
    };

    private readonly string _root;
    private readonly IReadOnlyList<HeaderRule>? _headers;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public StaticSiteServer(string root, IReadOnlyList<HeaderRule>? headers)
    {
        _root = Path.GetFullPath(root);
        _headers = headers;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    /// <summary>The site's root, with no trailing slash: <c>http://127.0.0.1:PORT</c>.</summary>
    public string Origin => $"http://127.0.0.1:{Port}";

    public string Url(string path) => Origin + path;

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var (method, target) = await ReadRequestAsync(stream);
                if (method is null || target is null)
                {
                    return;
                }

                await RespondAsync(stream, method, target);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                // The browser went away: nothing to answer.
            }
        }
    }

    private static async Task<(string? Method, string? Target)> ReadRequestAsync(NetworkStream stream)
    {
        // Reads the request head (up to the blank line); requests here have no body.
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0 || head.Length > 64 * 1024)
            {
                break;
            }

            head.Append(Encoding.Latin1.GetString(buffer, 0, read));
        }

        var requestLine = head.ToString().Split("\r\n", 2)[0].Split(' ');
        return requestLine.Length == 3 ? (requestLine[0], requestLine[1]) : (null, null);
    }

    private async Task RespondAsync(NetworkStream stream, string method, string target)
    {
        if (method is not ("GET" or "HEAD"))
        {
            await WriteAsync(stream, method, target, 405, "Method Not Allowed", "text/plain; charset=utf-8", "Only GET and HEAD."u8.ToArray());
            return;
        }

        var file = Resolve(target);
        if (file is null)
        {
            var notFound = Path.Combine(_root, "404.html");
            var body = File.Exists(notFound) ? await File.ReadAllBytesAsync(notFound) : "Not found."u8.ToArray();
            await WriteAsync(stream, method, target, 404, "Not Found", "text/html; charset=utf-8", body);
            return;
        }

        var type = ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
        await WriteAsync(stream, method, target, 200, "OK", type, await File.ReadAllBytesAsync(file));
    }

    /// <summary>The file a request path names, or null: <c>/x/</c> is <c>/x/index.html</c>; nothing outside the root.</summary>
    private string? Resolve(string target)
    {
        var path = target.Split('?', '#')[0];
        if (!path.StartsWith('/'))
        {
            return null;
        }

        path = Uri.UnescapeDataString(path);
        if (path.EndsWith('/'))
        {
            path += "index.html";
        }

        var full = Path.GetFullPath(Path.Combine(_root, path.TrimStart('/')));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        return File.Exists(full) ? full : null;
    }

    private async Task WriteAsync(NetworkStream stream, string method, string target, int status, string reason, string contentType, byte[] body)
    {
        var head = new StringBuilder()
            .Append($"HTTP/1.1 {status} {reason}\r\n")
            .Append($"Content-Type: {contentType}\r\n")
            .Append($"Content-Length: {body.Length}\r\n")
            // Fonts may be kept, as any host lets browsers keep them: a page in the Arabic script uses its font
            // ("font-display: optional") when it is there by the first paint, which a kept font always is.
            .Append(target.Contains("/assets/fonts/", StringComparison.Ordinal) ? "Cache-Control: max-age=3600\r\n" : "Cache-Control: no-store\r\n")
            .Append("Connection: close\r\n");
        if (_headers is null)
        {
            head.Append("X-Content-Type-Options: nosniff\r\n");
        }
        else
        {
            // Netlify matches the path as requested, before /x/ is served as /x/index.html.
            foreach (var (name, value) in NetlifyHeaders.For(_headers, target.Split('?', '#')[0], HeaderMerge.Combine))
            {
                head.Append($"{name}: {value}\r\n");
            }
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        if (method != "HEAD")
        {
            await stream.WriteAsync(body);
        }

        await stream.FlushAsync();
    }
}

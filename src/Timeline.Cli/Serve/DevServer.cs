using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Timeline.Pipeline;
using Timeline.Publishing.Overview;

namespace Timeline.Cli.Serve;

/// <summary>
/// Serves the site from memory on 127.0.0.1 with Kestrel, under the base path of base_url. HTML pages get one
/// script tag, /_timeline/live.js, that reloads them after a good rebuild and shows errors over them after a bad one;
/// `timeline build` never writes it.
/// </summary>
public sealed class DevServer(Func<SiteSnapshot?> current, LiveState live)
{
    public const string Prefix = "/_timeline/";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private WebApplication? _app;

    /// <summary>The address the server listens on, such as http://127.0.0.1:8080, once started.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Stops when the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public CancellationToken Stopping => _app?.Lifetime.ApplicationStopping ?? CancellationToken.None;

    /// <summary>Starts listening; port 0 takes any free port. Throws IOException when the port is taken.</summary>
    public async Task StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, port));
        _app = builder.Build();
        _app.Run(Handle);
        await _app.StartAsync();
        Address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task WaitForShutdownAsync()
    {
        if (_app is not null)
        {
            await _app.WaitForShutdownAsync();
        }
    }

    private async Task Handle(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-cache";
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        var path = request.Path.Value ?? "/";
        if (path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            await Own(context, path[Prefix.Length..]);
            return;
        }

        if (current() is not { } site)
        {
            await Send(context, StatusCodes.Status503ServiceUnavailable, "text/html; charset=utf-8", Inject(Encoding.UTF8.GetBytes(NoBuildPage), 0));
            return;
        }

        if (!path.StartsWith(site.BasePath, StringComparison.Ordinal))
        {
            // The site lives under its base path, as it will once published; send visitors of the root there.
            if (site.BasePath.StartsWith(path.TrimEnd('/') + "/", StringComparison.Ordinal))
            {
                response.Redirect(site.BasePath);
                return;
            }

            await NotFound(context, site);
            return;
        }

        var file = path[site.BasePath.Length..];
        if (file.Length == 0 || file.EndsWith('/'))
        {
            file += "index.html";
        }

        if (site.File(file) is { } content)
        {
            await Send(context, StatusCodes.Status200OK, ContentType(file), file.EndsWith(".html", StringComparison.Ordinal) ? Inject(content, site.Version) : content);
        }
        else if (site.File(file + "/index.html") is not null)
        {
            // As on most static hosts: a folder's address gets its closing slash.
            response.Redirect(path + "/" + request.QueryString);
        }
        else
        {
            await NotFound(context, site);
        }
    }

    private async Task Own(HttpContext context, string name)
    {
        switch (name)
        {
            case "live.js":
                await Send(context, StatusCodes.Status200OK, "text/javascript; charset=utf-8", Resource("live.js"));
                break;
            case "live.css":
                await Send(context, StatusCodes.Status200OK, "text/css; charset=utf-8", Resource("live.css"));
                break;
            case "status":
                await Send(context, StatusCodes.Status200OK, "application/json; charset=utf-8", Encoding.UTF8.GetBytes(live.Message));
                break;
            case "events":
                await Events(context);
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    /// <summary>Server-Sent Events: the current state at once, then each new one, until the page or the server goes.</summary>
    private async Task Events(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, Stopping);
        using var listener = live.Listen();
        try
        {
            while (true)
            {
                // A comment line every 15 s keeps proxies and browsers from closing an idle stream.
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                beat.CancelAfter(TimeSpan.FromSeconds(15));
                try
                {
                    var message = await listener.Reader.ReadAsync(beat.Token);
                    await response.WriteAsync($"event: state\ndata: {message}\n\n", stop.Token);
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    await response.WriteAsync(": still here\n\n", stop.Token);
                }

                await response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed or the server is stopping.
        }
    }

    private async Task NotFound(HttpContext context, SiteSnapshot site)
    {
        var page = site.File("404.html") is { } html ? Inject(html, site.Version) : Encoding.UTF8.GetBytes("Not found");
        await Send(context, StatusCodes.Status404NotFound, site.File("404.html") is null ? "text/plain; charset=utf-8" : "text/html; charset=utf-8", page);
    }

    private static async Task Send(HttpContext context, int status, string contentType, byte[] content)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = content.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(content, context.RequestAborted);
        }
    }

    /// <summary>Puts the live-reload script before the page's last &lt;/body&gt;: an external file, so pages meet the site's CSP as when published.</summary>
    public static byte[] Inject(byte[] html, int version)
    {
        var tag = Encoding.UTF8.GetBytes($"<script src=\"{Prefix}live.js?v={version}\" defer></script>\n");
        var at = html.AsSpan().LastIndexOf("</body>"u8);
        if (at < 0)
        {
            return [.. html, .. tag];
        }

        return [.. html.AsSpan(0, at), .. tag, .. html.AsSpan(at)];
    }

    private static string ContentType(string file)
    {
        var type = ContentTypes.TryGetContentType(file, out var found) ? found : "application/octet-stream";
        return type.StartsWith("text/", StringComparison.Ordinal) || type is "application/javascript" or "application/json" or "image/svg+xml"
            ? type + "; charset=utf-8"
            : type;
    }

    private static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Timeline.Cli.Serve." + name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private const string NoBuildPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>The site has errors</title>
        </head>
        <body>
        <main>
        <h1>The site has errors</h1>
        <p>No build of the site has succeeded yet. The errors are listed in the terminal; this page reloads once they are fixed.</p>
        </main>
        </body>
        </html>
        """;
}

using System.Text.Json;
using System.Threading.Channels;

namespace Timeline.Cli.Serve;

/// <summary>
/// What open pages need to know: the version of the last good build and the errors of the last attempt.
/// Every change is pushed to each page's Server-Sent Events stream.
/// </summary>
public sealed class LiveState
{
    private readonly Lock _lock = new();
    private readonly List<Channel<string>> _listeners = [];
    private string _message = Serialize(0, []);

    /// <summary>The state as JSON: {"version":3,"errors":["input/x.yml:4:7: error TL0300: ..."]}.</summary>
    public string Message
    {
        get
        {
            lock (_lock)
            {
                return _message;
            }
        }
    }

    public void Set(int version, IReadOnlyList<string> errors)
    {
        lock (_lock)
        {
            _message = Serialize(version, errors);
            foreach (var listener in _listeners)
            {
                listener.Writer.TryWrite(_message);
            }
        }
    }

    /// <summary>A stream of states for one page, starting with the current one; dispose of it when the page goes.</summary>
    public Listener Listen()
    {
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        lock (_lock)
        {
            channel.Writer.TryWrite(_message);
            _listeners.Add(channel);
        }

        return new Listener(channel.Reader, () =>
        {
            lock (_lock)
            {
                _listeners.Remove(channel);
            }
        });
    }

    /// <summary>{"version":N,"errors":[...]}, written by hand: no reflection, which the native program does not have.</summary>
    private static string Serialize(int version, IReadOnlyList<string> errors)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("version", version);
            json.WriteStartArray("errors");
            foreach (var error in errors)
            {
                json.WriteStringValue(error);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public sealed class Listener(ChannelReader<string> reader, Action dispose) : IDisposable
    {
        public ChannelReader<string> Reader => reader;

        public void Dispose() => dispose();
    }
}

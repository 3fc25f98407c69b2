using System.Buffers.Text;
using System.Buffers;
using System.Text.Json;

namespace Timeline.Output.Search;

/// <summary>
/// Talks to Pagefind's service mode (`pagefind --service`, the protocol of its Node.js API): each message is a JSON
/// object, Base64-encoded and followed by a comma, and each answer carries the number of the message it answers.
/// The build hands it the pages one by one in name order, so the index does not depend on the order in which a file
/// system lists a folder. Pagefind ends as soon as its requests pipe closes, so a build that is killed takes it along.
/// </summary>
internal sealed class PagefindService(Stream requests, Stream answers)
{
    private readonly ArrayBufferWriter<byte> _json = new(64 * 1024);
    private readonly List<byte> _pending = [];
    private readonly byte[] _read = new byte[64 * 1024];
    private int _nextId;

    /// <summary>Starts an index with Pagefind's default settings and returns its number.</summary>
    public int NewIndex()
    {
        var id = Send(w =>
        {
            w.WriteString("type", "NewIndex");
            w.WriteStartObject("config");
            w.WriteEndObject();
        });
        using var answer = Answer(id);
        return answer.RootElement.GetProperty("payload").GetProperty("index_id").GetInt32();
    }

    /// <summary>Asks for one page to be added, by its path in the site (which gives its address) and its UTF-8 bytes.</summary>
    public int AddFile(int index, string path, byte[] html) => Send(w =>
    {
        w.WriteString("type", "AddFile");
        w.WriteNumber("index_id", index);
        w.WriteString("file_path", path);
        w.WriteString("file_contents", html);
    });

    /// <summary>Asks for the index and Pagefind's scripts to be written into <paramref name="folder"/>.</summary>
    public int WriteFiles(int index, string folder) => Send(w =>
    {
        w.WriteString("type", "WriteFiles");
        w.WriteNumber("index_id", index);
        w.WriteString("output_path", folder);
    });

    /// <summary>Asks for an index to be let go (after its files are written), so that Pagefind's memory holds one index at a time.</summary>
    public int DeleteIndex(int index) => Send(w =>
    {
        w.WriteString("type", "DeleteIndex");
        w.WriteNumber("index_id", index);
    });

    /// <summary>
    /// Sends one message and returns its number. Pagefind reads every message as it comes and works through them one
    /// at a time, in order, so many may be sent before the first answer is read (from another thread).
    /// </summary>
    public int Send(Action<Utf8JsonWriter> payload)
    {
        var id = ++_nextId;
        _json.ResetWrittenCount();
        // Relaxed escaping: the text goes to Pagefind, never into a page, and escaping every < and > of the HTML doubles it.
        using (var writer = new Utf8JsonWriter(_json, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("message_id", id);
            writer.WriteStartObject("payload");
            payload(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        var encoded = new byte[Base64.GetMaxEncodedToUtf8Length(_json.WrittenCount) + 1];
        Base64.EncodeToUtf8(_json.WrittenSpan, encoded, out _, out var length);
        encoded[length] = (byte)',';
        requests.Write(encoded, 0, length + 1);
        requests.Flush();
        return id;
    }

    /// <summary>Reads the next answer, which must be to message <paramref name="id"/>; an error answer throws.</summary>
    public JsonDocument Answer(int id)
    {
        var answer = JsonDocument.Parse(Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(ReadMessage())));
        var body = answer.RootElement.GetProperty("payload");
        if (body.GetProperty("type").GetString() == "Error")
        {
            var message = body.TryGetProperty("message", out var text) ? text.GetString() : null;
            answer.Dispose();
            throw new PagefindException(message ?? "it gave no reason");
        }

        if (!answer.RootElement.TryGetProperty("message_id", out var answered) || answered.ValueKind != JsonValueKind.Number || answered.GetInt32() != id)
        {
            answer.Dispose();
            throw new PagefindException($"it answered another message than message {id}");
        }

        return answer;
    }

    // One message: the bytes up to the next comma.
    private byte[] ReadMessage()
    {
        while (true)
        {
            var comma = _pending.IndexOf((byte)',');
            if (comma >= 0)
            {
                var message = _pending.GetRange(0, comma).ToArray();
                _pending.RemoveRange(0, comma + 1);
                return message;
            }

            var read = answers.Read(_read, 0, _read.Length);
            if (read == 0)
            {
                throw new PagefindException("it stopped without answering");
            }

            _pending.AddRange(_read.AsSpan(0, read));
        }
    }
}

/// <summary>Pagefind's service answered with an error, or stopped answering.</summary>
internal sealed class PagefindException(string message) : Exception(message);

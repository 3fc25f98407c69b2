using System.Text;
using Timeline.Diagnostics;

namespace Timeline.Input;

/// <summary>
/// The Input phase: finds the site's files and reads them as UTF-8 text.
/// Nothing is parsed here; a file that cannot be read becomes a diagnostic, not an exception.
/// </summary>
public sealed class InputReader(PathDisplay display, DiagnosticBag diagnostics)
{
    /// <summary>No record needs more; a limit keeps a stray or hostile file from exhausting memory.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>What the two required files hold, for the message when one is missing.</summary>
    public const string SiteFileContents = "the site's title, description, base_url and language";

    public const string SourcesFileContents = "a list of sources, each with id, title, publisher and kind";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public SiteInput Read(string inputFolder)
    {
        if (!Directory.Exists(inputFolder))
        {
            diagnostics.FolderError(display.Show(inputFolder), ErrorMessages.MissingInputFolder(display.Show(inputFolder)));
            return new SiteInput(null, null, null, null, [], []);
        }

        var files = new InputFiles(inputFolder, display, diagnostics);
        if (!files.RootIsReadable())
        {
            return new SiteInput(null, null, null, null, [], []);
        }

        var site = ReadRequired(files, inputFolder, "site.yml", SiteFileContents);
        var sources = ReadRequired(files, inputFolder, "sources.yml", SourcesFileContents);
        var entities = ReadOptional(files, Path.Combine(inputFolder, "entities.yml"));
        var eras = ReadOptional(files, Path.Combine(inputFolder, "eras.yml"));
        var events = ReadAll(files.List(Path.Combine(inputFolder, "events"), IsEventFile, _ => true));
        var pages = ReadAll(files.List(Path.Combine(inputFolder, "pages"), p => p.EndsWith(".md", StringComparison.Ordinal), _ => false));
        return new SiteInput(site, sources, entities, eras, events, pages);
    }

    /// <summary>An event's file: YAML under events/, in any subfolder.</summary>
    public static bool IsEventFile(string path) =>
        path.EndsWith(".yml", StringComparison.Ordinal) || path.EndsWith(".yaml", StringComparison.Ordinal);

    private InputFile? ReadRequired(InputFiles files, string folder, string name, string what)
    {
        var path = Path.Combine(folder, name);
        return files.Find(path, () => diagnostics.Error(display.Show(path), SourcePosition.WholeFile, ErrorMessages.MissingFile(name, what))) is { } file
            ? ReadFile(file)
            : null;
    }

    private InputFile? ReadOptional(InputFiles files, string path) => files.Find(path) is { } file ? ReadFile(file) : null;

    private IReadOnlyList<InputFile> ReadAll(IReadOnlyList<FoundFile> paths)
    {
        var files = new InputFile?[paths.Count];
        Parallel.For(0, paths.Count, i => files[i] = ReadFile(paths[i]));
        return files.OfType<InputFile>().ToList();
    }

    /// <summary>
    /// Reads one file that <see cref="InputFiles"/> found (a regular file, so opening it cannot wait) as strict UTF-8;
    /// a byte order mark is allowed and dropped.
    /// </summary>
    public InputFile? ReadFile(FoundFile found)
    {
        var path = found.Path;
        var shown = display.Show(path);
        try
        {
            // One open for the size and the bytes: a site of 10,000 events is 10,000 files.
            byte[] bytes;
            using (var handle = File.OpenHandle(found.RealPath))
            {
                var length = RandomAccess.GetLength(handle);
                if (length > MaxFileBytes)
                {
                    diagnostics.Error(shown, SourcePosition.WholeFile, ErrorMessages.FileTooLarge(length, MaxFileBytes));
                    return null;
                }

                bytes = new byte[length];
                var read = 0;
                while (read < bytes.Length && RandomAccess.Read(handle, bytes.AsSpan(read), read) is var n and > 0)
                {
                    read += n;
                }

                // A file that shrank while it was read is taken as it now is.
                bytes = read == bytes.Length ? bytes : bytes[..read];
            }

            var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            try
            {
                var text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
                return new InputFile(Path.GetFullPath(path), shown, text);
            }
            catch (DecoderFallbackException ex)
            {
                var offset = start + Math.Max(0, ex.Index);
                var before = bytes.AsSpan(0, Math.Min(offset, bytes.Length));
                var lineStart = before.LastIndexOf((byte)'\n') + 1;
                var column = 1 + StrictUtf8.GetCharCount(bytes, lineStart, offset - lineStart);
                diagnostics.Error(shown, new SourcePosition(1 + before.Count((byte)'\n'), column), ErrorMessages.NotUtf8(offset));
                return null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(shown, SourcePosition.WholeFile, ErrorMessages.UnreadableFile(ex.Message));
            return null;
        }
    }
}

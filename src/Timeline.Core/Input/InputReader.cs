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

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads every file <see cref="InputLayout"/> names. What is missing is not reported here but by
    /// <see cref="InputLayout.CheckRequired"/>, so that a whole read and serve's reading of one changed path say it alike.
    /// With <paramref name="readEvents"/> false, the event files are found but not read (<see cref="SiteInput.UnreadEvents"/>):
    /// the caller reads those it does not already know.
    /// </summary>
    public SiteInput Read(string inputFolder, bool readEvents = true)
    {
        var layout = new InputLayout(inputFolder);
        if (!Directory.Exists(inputFolder))
        {
            return new SiteInput(null, null, null, null, [], []);
        }

        var files = new InputFiles(inputFolder, display, diagnostics);
        if (!files.RootIsReadable())
        {
            return new SiteInput(null, null, null, null, [], []);
        }

        var top = InputLayout.ListFiles.ToDictionary(f => f.Kind, f => ReadOptional(files, Path.Combine(inputFolder, f.Name)));
        var found = layout.Folders.ToDictionary(f => f.Kind, f => files.List(f.Folder, layout.Includes, layout.Descend));
        var events = readEvents ? ReadAll(found[InputKind.Event]) : [];
        return new SiteInput(top[InputKind.Site], top[InputKind.Sources], top[InputKind.Entities], top[InputKind.Eras], events, ReadAll(found[InputKind.Page]))
        {
            Tags = top[InputKind.Tags],
            UnreadEvents = readEvents ? [] : found[InputKind.Event],
        };
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

using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Timeline.Theme;

/// <summary>Serves the theme's templates from memory to Fluid's render and include tags, so files are read once.</summary>
internal sealed class ThemeFileProvider(IReadOnlyDictionary<string, string> templates) : IFileProvider
{
    // Fluid asks for a partial each time a page renders it: the file is made (and encoded) once, not on every ask.
    private readonly Dictionary<string, MemoryFile> _files = templates.ToDictionary(t => t.Key, t => new MemoryFile(t.Key, t.Value), StringComparer.Ordinal);

    public IFileInfo GetFileInfo(string subpath)
    {
        var name = subpath.Replace('\\', '/').TrimStart('/');
        return _files.TryGetValue(name, out var file) ? file : new NotFoundFileInfo(name);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class MemoryFile(string name, string text) : IFileInfo
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);

        public bool Exists => true;

        public long Length => _bytes.Length;

        public string? PhysicalPath => null;

        public string Name => name;

        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(_bytes, writable: false);
    }
}

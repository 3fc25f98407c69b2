using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Timeline.Theme;

/// <summary>Serves the theme's templates from memory to Fluid's render and include tags, so files are read once.</summary>
internal sealed class ThemeFileProvider(IReadOnlyDictionary<string, string> templates) : IFileProvider
{
    public IFileInfo GetFileInfo(string subpath)
    {
        var name = subpath.Replace('\\', '/').TrimStart('/');
        return templates.TryGetValue(name, out var text) ? new MemoryFile(name, text) : new NotFoundFileInfo(name);
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

using System.Text;
using Timeline.Output;

namespace Timeline.Pipeline;

/// <summary>
/// A short text a program running builds keeps in the build's cache folder from one build to the next (the command
/// line's record of what a build allocated): read only from a folder the build made, and written beside and renamed,
/// as the build's own records are (see <see cref="CacheFile"/>). It only saves time: none is there when it cannot be.
/// </summary>
public static class CacheNote
{
    /// <summary>The note <paramref name="name"/> in <paramref name="options"/>'s cache folder, or null.</summary>
    public static string? Read(BuildOptions options, string name) =>
        CacheFile.Read(options.CacheFolder, name) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>Replaces the note <paramref name="name"/> with <paramref name="text"/>, unless the cache folder is not the build's own.</summary>
    public static void Write(BuildOptions options, string name, string text) =>
        CacheFile.WriteAside(options.CacheFolder, name, stream => stream.Write(Encoding.UTF8.GetBytes(text))).Keep();
}

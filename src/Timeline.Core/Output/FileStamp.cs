namespace Timeline.Output;

/// <summary>A file's size and time of last change (UTC ticks): what tells a build that a file it wrote is still as it wrote it.</summary>
internal readonly record struct FileStamp(long Size, long Ticks)
{
    /// <summary>The stamp of the file at <paramref name="path"/>; null when there is none, or it is a link or not a file.</summary>
    public static FileStamp? Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists && (info.Attributes & FileAttributes.ReparsePoint) == 0 ? new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks) : null;
    }
}

using System.Runtime.InteropServices;

namespace Timeline.Output;

/// <summary>
/// A second name for a file that is already written: how a build puts a page it did not render again into the site it
/// stages, without reading or copying its bytes. Only where the system has link(2); elsewhere the caller copies.
/// </summary>
internal static class HardLink
{
    /// <summary>Whether <paramref name="link"/> was made as another name of <paramref name="existing"/>.</summary>
    public static bool TryCreate(string existing, string link)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            return Link(existing, link) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string link);
}

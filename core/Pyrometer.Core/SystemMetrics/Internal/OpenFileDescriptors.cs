using System.Runtime.InteropServices;

namespace Pyrometer.SystemMetrics.Internal;

/// <summary>
/// Counts the entries of <c>/proc/self/fd</c> with libc's <c>opendir</c>/<c>readdir</c>: the directory enumeration of
/// .NET stats every entry (each is a symbolic link), which costs about a millisecond for a few dozen descriptors.
/// The count includes the descriptor of the directory being read, as the Go client's does.
/// </summary>
internal static class OpenFileDescriptors
{
    private static readonly byte[] Path = "/proc/self/fd\0"u8.ToArray();
    private static bool s_libcMissing;

    public static int Count()
    {
        if (!Volatile.Read(ref s_libcMissing))
        {
            try
            {
                return CountWithLibc();
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                Volatile.Write(ref s_libcMissing, true);
            }
        }

        try
        {
            return Directory.EnumerateFileSystemEntries("/proc/self/fd").Count();
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static int CountWithLibc()
    {
        var directory = OpenDirectory(Path);
        if (directory == IntPtr.Zero)
        {
            return 0;
        }

        try
        {
            var count = 0;
            while (ReadDirectory(directory) != IntPtr.Zero)
            {
                count++;
            }

            // "." and "..".
            return Math.Max(0, count - 2);
        }
        finally
        {
            _ = CloseDirectory(directory);
        }
    }

    [DllImport("libc", EntryPoint = "opendir")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr OpenDirectory(byte[] path);

    [DllImport("libc", EntryPoint = "readdir")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr ReadDirectory(IntPtr directory);

    [DllImport("libc", EntryPoint = "closedir")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int CloseDirectory(IntPtr directory);
}

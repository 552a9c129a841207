using System.Runtime.InteropServices;

namespace VoiceClone.Core.IO;

/// <summary>
/// Moves a finished file to a name that must not exist yet, atomically: where another file appears under that name at the
/// same moment, exactly one of the two wins and the other gets an IOException. POSIX: link(2), which fails with EEXIST
/// instead of replacing (rename(2) would replace), then unlink of the old name. Windows: MoveFileEx without
/// MOVEFILE_REPLACE_EXISTING (File.Move without overwrite). A file system without hard links falls back to an exclusive
/// create (O_EXCL) and a copy.
/// </summary>
public static partial class NoReplaceMove
{
    private const int EEXIST_Linux = 17, EEXIST_Darwin = 17;

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string created);

    public static void Move(string source, string destination)
    {
        if (OperatingSystem.IsWindows())
        {
            File.Move(source, destination, overwrite: false);
            return;
        }
        if (Link(source, destination) == 0)
        {
            File.Delete(source);
            return;
        }
        int errno = Marshal.GetLastPInvokeError();
        if (errno is EEXIST_Linux or EEXIST_Darwin) throw new IOException($"'{destination}' already exists.");
        // EPERM, ENOTSUP, EXDEV...: no hard links here. CreateNew is O_CREAT|O_EXCL, so the existence check is still atomic.
        using (var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read))
        using (var to = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            from.CopyTo(to);
            to.Flush(flushToDisk: true);
        }
        File.Delete(source);
    }
}

namespace VoiceClone.Core.IO;

/// <summary>
/// An exclusive lock on a folder held through a hidden lock file (.voiceclone.lock) opened with FileShare.None: .NET maps
/// that to flock(2) on Unix and to a share-mode lock on Windows, so it holds between threads and processes alike, and the
/// operating system releases it when the holder dies. The file itself stays (deleting a lock file others wait on would
/// break the protocol); it is zero bytes.
/// </summary>
public sealed class FolderLock : IDisposable
{
    public const string FileName = ".voiceclone.lock";
    // Retry a busy lock every few milliseconds: holders keep it for two renames.
    private const int RetryMilliseconds = 5;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly FileStream _handle;

    private FolderLock(FileStream handle) => _handle = handle;

    public static FolderLock Acquire(string folder, CancellationToken cancellation)
    {
        string path = Path.Combine(folder, FileName);
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                return new FolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                cancellation.WaitHandle.WaitOne(RetryMilliseconds);
                cancellation.ThrowIfCancellationRequested();
            }
        }
    }

    public void Dispose() => _handle.Dispose();
}

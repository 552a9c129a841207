using System.IO.Compression;
using Serilog.Sinks.File;

namespace VoiceClone.Core.Telemetry;

/// <summary>
/// When the rolling file sink retires a log file past its retention count, gzip it into archive/
/// instead of losing it; the archive itself keeps the newest <see cref="MaxArchives"/> files.
/// </summary>
internal sealed class LogArchiver(string archiveDirectory) : FileLifecycleHooks
{
    public const int MaxArchives = 20;

    public override void OnFileDeleting(string path)
    {
        try
        {
            Directory.CreateDirectory(archiveDirectory);
            string target = Path.Combine(archiveDirectory, $"{Path.GetFileName(path)}.{DateTime.UtcNow:yyyyMMddHHmmssfff}.gz");
            using (var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var gzip = new GZipStream(File.Create(target), CompressionLevel.SmallestSize))
            {
                source.CopyTo(gzip);
            }
            PruneArchive();
        }
        catch (IOException) { /* archiving is best effort; the sink still retires the file */ }
        catch (UnauthorizedAccessException) { }
    }

    private void PruneArchive()
    {
        var archives = new DirectoryInfo(archiveDirectory).GetFiles("*.gz")
            .OrderByDescending(f => f.LastWriteTimeUtc).ThenByDescending(f => f.Name).Skip(MaxArchives);
        foreach (FileInfo old in archives) old.Delete();
    }
}

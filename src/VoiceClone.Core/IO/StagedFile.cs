namespace VoiceClone.Core.IO;

/// <summary>
/// A file written beside its destination under a hidden temporary name, then renamed into place by
/// <see cref="Commit"/>. Disposing an uncommitted file deletes the temporary, so a crash or a stop
/// never leaves a half-written file under the real name.
/// </summary>
public sealed class StagedFile : IDisposable
{
    private bool _committed;

    public StagedFile(string destinationPath)
    {
        DestinationPath = Path.GetFullPath(destinationPath);
        string folder = Path.GetDirectoryName(DestinationPath)!;
        TempPath = Path.Combine(folder, $".{Path.GetFileName(DestinationPath)}.{Guid.NewGuid():N}.tmp");
    }

    public string DestinationPath { get; }
    public string TempPath { get; }

    /// <summary>Creates the temporary file; the caller writes it and disposes the stream before <see cref="Commit"/>.</summary>
    public FileStream OpenWrite() =>
        new(TempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024, FileOptions.None);

    /// <summary>Moves the finished temporary file to its destination. Without overwrite an existing file wins and this throws IOException.</summary>
    public void Commit(bool overwrite)
    {
        if (_committed) throw new InvalidOperationException($"'{DestinationPath}' was already committed.");
        // On Unix, File.Move without overwrite links then unlinks, so a file that appears meanwhile is never replaced.
        File.Move(TempPath, DestinationPath, overwrite);
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed) return;
        try { File.Delete(TempPath); }
        catch (IOException) { /* best effort: a leftover .tmp is hidden and harmless */ }
        catch (UnauthorizedAccessException) { }
    }
}

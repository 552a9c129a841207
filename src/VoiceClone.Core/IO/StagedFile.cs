namespace VoiceClone.Core.IO;

/// <summary>
/// A file written beside its destination under a hidden temporary name, then moved into place by <see cref="Commit"/>.
/// Disposing an uncommitted file deletes the temporary, so a stop never leaves a half-written file under the real name;
/// the temporary's name carries the host and process, so that after a crash the next run in the folder can tell a dead
/// process's leftovers from a live one's work (<see cref="StaleStagingFiles"/>).
/// </summary>
public sealed class StagedFile : IDisposable
{
    private bool _committed;

    public StagedFile(string destinationPath)
    {
        DestinationPath = Path.GetFullPath(destinationPath);
        string folder = Path.GetDirectoryName(DestinationPath)!;
        TempPath = Path.Combine(folder, StaleStagingFiles.TempName(Path.GetFileName(DestinationPath)));
    }

    public string DestinationPath { get; }
    public string TempPath { get; }

    /// <summary>Creates the temporary file; the caller writes it and disposes the stream before <see cref="Commit"/>.</summary>
    public FileStream OpenWrite() =>
        new(TempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024, FileOptions.None);

    /// <summary>
    /// Moves the finished temporary file to its destination: replacing what is there with <paramref name="overwrite"/>
    /// (rename), otherwise only if nothing is (<see cref="NoReplaceMove"/>), throwing IOException when a file is there.
    /// </summary>
    public void Commit(bool overwrite)
    {
        if (_committed) throw new InvalidOperationException($"'{DestinationPath}' was already committed.");
        if (overwrite) File.Move(TempPath, DestinationPath, overwrite: true);
        else NoReplaceMove.Move(TempPath, DestinationPath);
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed) return;
        try { File.Delete(TempPath); }
        catch (IOException) { /* best effort: a leftover .tmp is hidden, and the next run removes it */ }
        catch (UnauthorizedAccessException) { }
    }
}

namespace VoiceClone.PowerShell.Tests.Support;

/// <summary>
/// The module's state (logger, load context, configuration) is per process: tests that import it run
/// one at a time, with logs sent to a scratch folder instead of the repository's logs/.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "PowerShell engine";
}

public sealed class EngineFixture : IDisposable
{
    public EngineFixture()
    {
        LogDirectory = Path.Combine(Path.GetTempPath(), "voiceclone-pstests-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(LogDirectory);
        Environment.SetEnvironmentVariable("VOICECLONE_LOG_DIR", LogDirectory);
    }

    public string LogDirectory { get; }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("VOICECLONE_LOG_DIR", null);
        try { Directory.Delete(LogDirectory, recursive: true); }
        catch (IOException) { }
    }
}

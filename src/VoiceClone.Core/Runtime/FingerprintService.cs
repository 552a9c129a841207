using VoiceClone.Core.Fingerprints;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Runtime;

/// <summary>Reading clone fingerprints back as typed objects.</summary>
public sealed class FingerprintService
{
    public const string Source = "fingerprint";

    internal FingerprintService() { }

    public CloneFingerprint Read(string path)
    {
        ExecutionMetrics.StateComplexity("Get-CloneFingerprint", Source, $"O(bytes) per file, each file capped at {FingerprintReader.MaxFileBytes / 1024} KiB");
        using var metrics = ExecutionMetrics.Start("Get-CloneFingerprint", Source, $"path={path}");
        try
        {
            CloneFingerprint fingerprint = FingerprintReader.Read(path);
            metrics.Complete(ResultShape.Object(nameof(CloneFingerprint), fingerprint.Text.Length));
            return fingerprint;
        }
        catch (VoiceCloneException e)
        {
            metrics.Fail(e.ErrorId);
            throw;
        }
    }
}

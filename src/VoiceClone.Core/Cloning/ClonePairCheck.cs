using VoiceClone.Core.Fingerprints;
using VoiceClone.Core.IO;

namespace VoiceClone.Core.Cloning;

/// <summary>What is on disk under one clone id.</summary>
public enum ClonePairState
{
    /// <summary>Neither file.</summary>
    Missing,
    /// <summary>The fingerprint reads, and the audio beside it has the sha256 the fingerprint records.</summary>
    Whole,
    /// <summary>One file without the other (a kill between the pair's two renames), an unreadable fingerprint, or audio
    /// that is not the audio the fingerprint describes.</summary>
    Broken,
}

/// <summary>Tells whether a clone pair is whole, for batches that resume: a whole pair is done, a broken one is done again.</summary>
public static class ClonePairCheck
{
    /// <param name="fingerprint">The pair's fingerprint when it could be read.</param>
    public static ClonePairState Inspect(string outputDirectory, string id, out CloneFingerprint? fingerprint)
    {
        var (audioPath, fingerprintPath) = ClonePairWriter.PathsFor(Path.GetFullPath(outputDirectory), id);
        fingerprint = null;
        bool hasAudio = File.Exists(audioPath), hasFingerprint = File.Exists(fingerprintPath);
        if (!hasAudio && !hasFingerprint) return ClonePairState.Missing;
        if (!hasAudio || !hasFingerprint) return ClonePairState.Broken;
        try
        {
            fingerprint = FingerprintReader.Read(fingerprintPath);
        }
        catch (VoiceCloneException e) when (e.Error == VoiceCloneErrors.FingerprintInvalid || e.Error == VoiceCloneErrors.FingerprintTooLarge)
        {
            return ClonePairState.Broken; // a read failure (FingerprintReadFailed) is not evidence of a broken pair: it propagates
        }
        if (fingerprint.AudioSha256 is not { } recorded) return ClonePairState.Broken;
        try
        {
            return FileHash.Sha256(audioPath) == recorded ? ClonePairState.Whole : ClonePairState.Broken;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VoiceCloneException(VoiceCloneErrors.AudioReadFailed, $"Cannot read '{audioPath}' to check its pair: {e.Message}", audioPath, e);
        }
    }
}

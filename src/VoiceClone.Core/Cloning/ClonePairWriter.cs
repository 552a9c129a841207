using VoiceClone.Core.Audio;
using VoiceClone.Core.Engines;
using VoiceClone.Core.Fingerprints;
using VoiceClone.Core.IO;

namespace VoiceClone.Core.Cloning;

/// <summary>
/// Writes cloned_&lt;id&gt;.wav and cloned_&lt;id&gt;.json as a pair: both are staged under hidden temporary names, then moved into
/// place, audio first and fingerprint last, under the output folder's lock (<see cref="FolderLock"/>), so that writers of
/// the same id, in threads or processes, commit one at a time. Without overwrite the moves cannot replace a file either
/// (<see cref="NoReplaceMove"/>): of several writers of one id exactly one wins and the others get OutputExists. The
/// fingerprint is the pair's commit mark: a stop or crash before the moves leaves nothing under the real names.
/// </summary>
public static class ClonePairWriter
{
    public const string Prefix = "cloned_";

    public static (string AudioPath, string FingerprintPath) PathsFor(string outputDirectory, string id) =>
        (Path.Combine(outputDirectory, $"{Prefix}{id}.wav"), Path.Combine(outputDirectory, $"{Prefix}{id}.json"));

    /// <param name="fingerprint">Builds the fingerprint once the audio's sha256 is known.</param>
    public static (string AudioPath, string FingerprintPath) Write(string outputDirectory, string id, SynthesizedSpeech speech,
        Func<string, FingerprintDocument> fingerprint, bool overwrite, CancellationToken cancellation)
    {
        string folder = Path.GetFullPath(outputDirectory);
        var (audioPath, fingerprintPath) = PathsFor(folder, id);
        try
        {
            Directory.CreateDirectory(folder);
            using var audio = new StagedFile(audioPath);
            using (FileStream stream = audio.OpenWrite())
            {
                WavWriter.WriteTo(stream, speech.Samples, speech.SampleRateHz, WavSampleFormat.Pcm16,
                    new Dictionary<string, string> { [WavWriter.SoftwareTag] = $"VoiceClone {speech.ModelUsed}" });
                stream.Flush(flushToDisk: true);
            }
            string sha256 = FileHash.Sha256(audio.TempPath);
            using StagedFile json = FingerprintWriter.Stage(fingerprintPath, fingerprint(sha256));

            cancellation.ThrowIfCancellationRequested(); // last point a stop is honoured: the two moves run together
            using (FolderLock.Acquire(folder, cancellation))
            {
                if (!overwrite && (File.Exists(audioPath) || File.Exists(fingerprintPath))) throw Exists(audioPath, fingerprintPath);
                try
                {
                    audio.Commit(overwrite);
                }
                catch (IOException) when (!overwrite && File.Exists(audioPath))
                {
                    throw Exists(audioPath, fingerprintPath);
                }
                try
                {
                    json.Commit(overwrite);
                }
                catch (IOException) when (!overwrite && File.Exists(fingerprintPath))
                {
                    // A writer that does not share this lock (another machine on a shared folder) took the name: withdraw
                    // our audio, if it is still ours, so that no half pair and no mismatched pair remains.
                    if (File.Exists(audioPath) && FileHash.Sha256(audioPath) == sha256) File.Delete(audioPath);
                    throw Exists(audioPath, fingerprintPath);
                }
            }
            return (audioPath, fingerprintPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VoiceCloneException(VoiceCloneErrors.AudioWriteFailed, $"Cannot write the clone pair in '{outputDirectory}': {e.Message}", audioPath, e);
        }
    }

    private static VoiceCloneException Exists(string audioPath, string fingerprintPath) =>
        new(VoiceCloneErrors.OutputExists, $"'{audioPath}' or '{fingerprintPath}' already exists and was left untouched.", audioPath);
}

using VoiceClone.Core.Analysis;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Caching;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Emotion;
using VoiceClone.Core.Engines;
using VoiceClone.Core.IO;

namespace VoiceClone.Core.Cloning;

/// <summary>
/// Reads and analyses each reference recording once per runtime (keyed by file version and emotion model) and shares
/// the result with every clone of it: its first minute as samples, its voice features, emotion and sha256. Engines get
/// this <see cref="PreparedReference"/> and never reopen the file. Thread-safe.
/// </summary>
public sealed class ReferencePreparer
{
    private readonly OnceCache<string, PreparedReference> _references = new();

    /// <summary>The prepared reference of <paramref name="path"/>; <paramref name="cached"/> says whether it was already known.</summary>
    public PreparedReference Prepare(string path, EmotionModel emotionModel, out bool cached) =>
        _references.Get($"{FileVersion.Key(path)}|{emotionModel.Folder}", _ => Read(Path.GetFullPath(path), emotionModel), out cached);

    public void Clear() => _references.Clear();

    private static PreparedReference Read(string path, EmotionModel emotionModel)
    {
        AudioBuffer audio;
        long totalFrames;
        using (var reader = WavReader.Open(path))
        {
            totalFrames = reader.Format.FrameCount;
            var samples = new float[(int)Math.Min(totalFrames, (long)(PreparedReference.MaxAudioSeconds * reader.Format.SampleRateHz))];
            int read = reader.ReadMono(samples);
            audio = new AudioBuffer(read == samples.Length ? samples : samples[..read], reader.Format.SampleRateHz);
        }
        // The voice's features cover the whole recording; a reference longer than the samples kept is streamed once more.
        VoiceFeatures features = audio.Samples.Length == totalFrames
            ? VoiceFeatureExtractor.Analyze(audio, path, ComparisonAnalysis.Options)
            : VoiceFeatureExtractor.Analyze(path, ComparisonAnalysis.Options);
        EmotionResult emotion = emotionModel.Classify(EmotionFeatures.Clip(audio, path), path);
        return new PreparedReference(path, FileHash.Sha256(path), features, emotion, audio);
    }
}

using VoiceClone.Core.Analysis;
using VoiceClone.Core.Audio.Decoders;
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
        bool wholeFile;
        using (IAudioReader reader = AtMostMaxRate(AudioFileReader.Open(path)))
        {
            float[] samples = AudioFileReader.ReadUpTo(reader, (long)(PreparedReference.MaxAudioSeconds * reader.SampleRateHz), path);
            audio = new AudioBuffer(samples, reader.SampleRateHz);
            wholeFile = reader.ReadMono(stackalloc float[1]) == 0;
        }
        // The voice's features cover the whole recording; a reference longer than the samples kept is streamed once more.
        VoiceFeatures features = wholeFile
            ? VoiceFeatureExtractor.Analyze(audio, path, ComparisonAnalysis.Options)
            : VoiceFeatureExtractor.Analyze(path, ComparisonAnalysis.Options);
        SpeechPresence.Require(SpeechPresence.VoicedSeconds(features), path, "a reference voice");
        EmotionResult emotion = emotionModel.Classify(EmotionFeatures.Clip(audio, path), path);
        return new PreparedReference(path, FileHash.Sha256(path), features, emotion, audio);
    }

    // A recording above the engines' highest rate is resampled as it is decoded, so memory does not grow with its rate.
    private static IAudioReader AtMostMaxRate(IAudioReader reader) =>
        reader.SampleRateHz > PreparedReference.MaxSampleRateHz ? new ResamplingAudioReader(reader, PreparedReference.MaxSampleRateHz) : reader;
}

using VoiceClone.Core.Analysis;
using VoiceClone.Core.Caching;
using VoiceClone.Core.Emotion;
using VoiceClone.Core.Synthesis;

namespace VoiceClone.Core.Cloning;

/// <summary>What the workflow knows about a reference recording: its voice features, emotion and checksum.</summary>
public sealed record ReferenceAnalysis(string Path, string Sha256, VoiceFeatures Features, EmotionResult Emotion)
{
    /// <summary>Set when the analysis comes from a voice profile: the profile file, and the spectrum stored in it.</summary>
    public string? ProfilePath { get; init; }
    public LongTermSpectrum? Spectrum { get; init; }

    /// <summary>The reference's long-term spectrum over the bands it shares with audio at <paramref name="otherRateHz"/>; null when neither stored nor readable.</summary>
    public LongTermSpectrum? SpectrumFor(int otherRateHz)
    {
        double highHz = LongTermSpectrum.CommonHighHz(Features.SampleRateHz, otherRateHz);
        if (Spectrum is { } stored && stored.HighHz == highHz) return stored;
        return File.Exists(Path) ? ReferenceSpectra.Get(Path, otherRateHz) : null;
    }
}

/// <summary>Each reference is analysed once per session (keyed by path, size and modification time) and shared by every clone of it.</summary>
public static class ReferenceAnalysisCache
{
    private static readonly OnceCache<string, ReferenceAnalysis> Cache = new();

    /// <summary>The analysis of <paramref name="path"/>; <paramref name="cached"/> says whether it was already known.</summary>
    public static ReferenceAnalysis Get(string path, EmotionModel emotionModel, out bool cached) =>
        Cache.Get($"{FileVersion.Key(path)}|{emotionModel.Folder}", _ => Analyze(Path.GetFullPath(path), emotionModel), out cached);

    public static void Clear() => Cache.Clear();

    private static ReferenceAnalysis Analyze(string path, EmotionModel emotionModel)
    {
        VoiceFeatures features = VoiceFeatureExtractor.Analyze(path, CloneAnalysis.Options);
        return new ReferenceAnalysis(path, ClonePairWriter.Sha256Of(path), features, emotionModel.Classify(EmotionFeatures.ReadClip(path), path));
    }
}

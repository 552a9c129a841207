using VoiceClone.Core.Audio;
using VoiceClone.Core.Caching;

namespace VoiceClone.Core.Synthesis;

/// <summary>Each reference's long-term spectrum, measured once per session for each band limit it is compared over.</summary>
public static class ReferenceSpectra
{
    // The longest stretch of a reference read: a minute of speech fixes its long-term spectrum.
    private const double MaxSeconds = 60;
    private static readonly OnceCache<string, LongTermSpectrum> Cache = new();

    /// <summary>The spectrum of <paramref name="path"/> up to the band limit it shares with audio at <paramref name="otherRateHz"/>.</summary>
    public static LongTermSpectrum Get(string path, int otherRateHz) =>
        Cache.Get($"{FileVersion.Key(path)}|{otherRateHz}", _ => Measure(path, otherRateHz));

    public static void Clear() => Cache.Clear();

    private static LongTermSpectrum Measure(string path, int otherRateHz)
    {
        AudioBuffer audio = AudioFileReader.ReadMono(path, MaxSeconds);
        return LongTermSpectrum.Measure(audio, LongTermSpectrum.CommonHighHz(audio.SampleRateHz, otherRateHz));
    }
}

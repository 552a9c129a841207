using System.Collections.Concurrent;
using VoiceClone.Core.Audio;

namespace VoiceClone.Core.Synthesis;

/// <summary>Each reference's long-term spectrum, measured once per session for each band limit it is compared over.</summary>
public static class ReferenceSpectra
{
    // The longest stretch of a reference read: a minute of speech fixes its long-term spectrum.
    private const double MaxSeconds = 60;
    private static readonly ConcurrentDictionary<string, Lazy<LongTermSpectrum>> Cache = new();

    /// <summary>The spectrum of <paramref name="path"/> up to the band limit it shares with audio at <paramref name="otherRateHz"/>.</summary>
    public static LongTermSpectrum Get(string path, int otherRateHz)
    {
        var info = new FileInfo(path);
        string key = $"{info.FullName}|{info.Length}|{info.LastWriteTimeUtc.Ticks}|{otherRateHz}";
        Lazy<LongTermSpectrum> spectrum = Cache.GetOrAdd(key, _ => new Lazy<LongTermSpectrum>(() => Measure(path, otherRateHz)));
        try
        {
            return spectrum.Value;
        }
        catch
        {
            Cache.TryRemove(new KeyValuePair<string, Lazy<LongTermSpectrum>>(key, spectrum));
            throw;
        }
    }

    public static void Clear() => Cache.Clear();

    private static LongTermSpectrum Measure(string path, int otherRateHz)
    {
        using var reader = WavReader.Open(path);
        var samples = new float[(int)Math.Min(reader.Format.FrameCount, (long)(MaxSeconds * reader.Format.SampleRateHz))];
        int read = reader.ReadMono(samples);
        var audio = new AudioBuffer(samples[..read], reader.Format.SampleRateHz);
        return LongTermSpectrum.Measure(audio, LongTermSpectrum.CommonHighHz(audio.SampleRateHz, otherRateHz));
    }
}

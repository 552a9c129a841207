using System.Collections.Concurrent;
using VoiceClone.Core.Analysis.Spectral;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Engines;

/// <summary>
/// A reference voice as the clone workflow hands it to engines, so that no engine reopens the recording: its analysis,
/// emotion and checksum, the first <see cref="MaxAudioSeconds"/> of it as mono samples, and its long-term spectrum per
/// comparison band. A voice restored from a saved profile has no samples; it carries the spectrum and the engine's own
/// voice (<see cref="EngineVoice"/>) that were stored with it. Thread-safe.
/// </summary>
public sealed class PreparedReference
{
    /// <summary>A minute of speech fixes a voice's pitch statistics and long-term spectrum; engines use at most that.</summary>
    public const double MaxAudioSeconds = 60;

    /// <summary>
    /// The highest rate the samples are kept at: every engine works at 24 kHz or below (Qwen3-TTS at 24 kHz, the default
    /// engine at 16 kHz, spectra stop at 7.6 kHz), so a 768 kHz recording is kept at 48 kHz: a minute costs 11 MB, not 184 MB.
    /// </summary>
    public const int MaxSampleRateHz = 48000;

    private readonly ConcurrentDictionary<double, LongTermSpectrum> _spectra = new();

    public PreparedReference(string path, string sha256, VoiceFeatures features, EmotionResult emotion, AudioBuffer? audio)
    {
        Path = path;
        Sha256 = sha256;
        Features = features;
        Emotion = emotion;
        Audio = audio;
    }

    /// <summary>The recording's full path (for a profile: the recording the profile was made from).</summary>
    public string Path { get; }
    public string Sha256 { get; }
    public VoiceFeatures Features { get; }
    public EmotionResult Emotion { get; }
    /// <summary>Mono samples at the recording's rate (at most <see cref="MaxSampleRateHz"/>), at most <see cref="MaxAudioSeconds"/>; null for a restored profile.</summary>
    public AudioBuffer? Audio { get; }
    /// <summary>A voice an engine computed earlier and stored (a loaded voice profile); null for a recording.</summary>
    public object? EngineVoice { get; init; }
    /// <summary>Where <see cref="EngineVoice"/> came from, for messages and logs.</summary>
    public string? EngineVoiceSource { get; init; }

    /// <summary>A spectrum measured earlier (stored in a profile): it answers <see cref="SpectrumFor"/> for its own band.</summary>
    public LongTermSpectrum? StoredSpectrum
    {
        init { if (value is not null) _spectra[value.HighHz] = value; }
    }

    /// <summary>
    /// The reference's long-term spectrum over the band it shares with audio at <paramref name="otherRateHz"/>, measured once
    /// per band; null when neither stored nor measurable (a profile compared over another band).
    /// </summary>
    public LongTermSpectrum? SpectrumFor(int otherRateHz)
    {
        double highHz = LongTermSpectrum.CommonHighHz(Features.SampleRateHz, otherRateHz);
        if (_spectra.TryGetValue(highHz, out LongTermSpectrum? known)) return known;
        return Audio is null ? null : _spectra.GetOrAdd(highHz, h => LongTermSpectrum.Measure(Audio, h));
    }
}

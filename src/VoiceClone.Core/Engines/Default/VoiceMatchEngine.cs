using System.Diagnostics;
using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Analysis.Rate;
using VoiceClone.Core.Analysis.Spectral;
using VoiceClone.Core.Analysis;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Engines;
using VoiceClone.Core.Telemetry;
using VoiceClone.Core.Text;

namespace VoiceClone.Core.Engines.Default;

/// <summary>
/// The default engine: classical voice matching, not neural cloning. A base synthesiser (flite, espeak-ng, SAPI, say:
/// <see cref="BaseVoiceSelector"/>) speaks the text in the voice of its language nearest the reference in F0 and formant
/// scale; TD-PSOLA maps its F0 in the log domain onto the reference's median and
/// range and its timing onto the reference's articulation rate; a long-term spectral envelope equalizer and a
/// level match move timbre and loudness toward the reference.
/// </summary>
public sealed class VoiceMatchEngine : IVoiceEngine
{
    public const string EngineName = "Default";
    public const string Source = "default_engine";
    /// <summary>
    /// How far the equalizer moves the envelope (1 = all the way). Measured on LibriSpeech references: 0.6 makes the
    /// timbre distance 59 % smaller for +7 PocketSphinx WER points (100 clones); 0.75 gives 70 % for +10 points, 1.0 +18 points.
    /// </summary>
    public const double EqualizerStrength = 0.6;
    /// <summary>F0 range (log p95/p5) changes at most 2x either way: beyond, PSOLA artefacts dominate.</summary>
    public const double MaxRangeRatio = 2;
    /// <summary>Tempo changes at most 2x either way.</summary>
    public const double MaxDurationFactor = 2;
    // Output peaks are kept at or below -0.5 dBFS.
    private const double PeakLimit = 0.944;

    private readonly BaseVoiceSelector _voices;

    /// <param name="catalog">The base voices and their measured character (kept warm across calls).</param>
    /// <param name="language">The language of every text; null tells each text's own.</param>
    /// <param name="baseVoice">A base voice for every clone; null picks the nearest of the text's language per reference.</param>
    public VoiceMatchEngine(BaseVoiceCatalog catalog, LanguageTag? language = null, BaseVoice? baseVoice = null) =>
        _voices = new BaseVoiceSelector(catalog, language, baseVoice);

    /// <summary>
    /// The engine for one call, its settings checked once: a base synthesiser is installed (SynthesizerMissing), the language
    /// ("auto", a BCP 47 tag or an English name) is one an installed voice speaks (LanguageUnsupported), the base voice
    /// ("backend:voice" or a voice id) exists and speaks that language (ConfigurationInvalid).
    /// </summary>
    public static VoiceMatchEngine Create(BaseVoiceCatalog catalog, string language, string? baseVoice, CancellationToken cancellation)
    {
        catalog.RequireInstalled();
        LanguageTag? tag = language.Equals("auto", StringComparison.OrdinalIgnoreCase) ? null : LanguageTag.Parse(language)
            ?? throw new VoiceCloneException(VoiceCloneErrors.LanguageUnsupported,
                $"'{language}' is neither a language name nor a BCP 47 language tag (de, pt-BR, zh).");
        BaseVoice? voice = null;
        if (baseVoice is not null)
        {
            voice = catalog.Find(baseVoice, cancellation) ?? throw new VoiceCloneException(VoiceCloneErrors.ConfigurationInvalid,
                $"No installed base voice is called '{baseVoice}'. Base voices are named backend:voice: flite:awb, espeak-ng:de+f3.");
            if (tag is not null && tag.Distance(voice.Language) is null)
            {
                throw new VoiceCloneException(VoiceCloneErrors.ConfigurationInvalid,
                    $"The base voice {voice.Name} speaks {voice.Language.DisplayName}, not {tag.DisplayName}.");
            }
        }
        else if (tag is not null && catalog.Candidates(tag, cancellation).Count == 0)
        {
            throw new VoiceCloneException(VoiceCloneErrors.LanguageUnsupported,
                $"No installed base voice speaks {tag.DisplayName} ({tag}). {catalog.InstallAdvice(tag, cancellation)}");
        }
        return new VoiceMatchEngine(catalog, tag, voice);
    }

    public string Name => EngineName;

    public SynthesizedSpeech Synthesize(SynthesisRequest request, CancellationToken cancellation)
    {
        VoiceFeatures reference = request.Reference.Features;
        long started = Stopwatch.GetTimestamp();
        BaseUtterance utterance = _voices.Speak(request.Text, reference, cancellation, request.BaseVoiceRank);
        AudioBuffer spoken = utterance.Audio;
        string voice = utterance.Voice.Name;
        double baseMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        cancellation.ThrowIfCancellationRequested();
        int rate = spoken.SampleRateHz;
        EmotionProsody emotion = EmotionProsody.For(request.Reference.Emotion.Emotion, request.Reference.Emotion.Confidence);

        // 1. F0 and timing by TD-PSOLA.
        PitchTrack pitch = YinPitchTracker.Track(spoken, PitchTrackerOptions.Default);
        var mapping = PitchMapping.Between(pitch, reference, emotion.PitchRangeFactor, request.PitchCorrection);
        double tempoRatio = TempoRatio(ComparisonAnalysis.AnalyzeSpeech(spoken, voice, request.Text), reference);
        double desiredSeconds = spoken.DurationSeconds * tempoRatio / emotion.TempoFactor * request.DurationCorrection;
        double durationFactor = Math.Clamp(desiredSeconds / spoken.DurationSeconds, 1 / MaxDurationFactor, MaxDurationFactor);
        var marks = PitchMarks.Find(spoken.Samples, rate, pitch);
        float[] modified = TdPsola.Modify(spoken.Samples, rate, marks, (_, hz) => mapping.Map(hz), durationFactor);

        double psolaMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds - baseMs;

        // 2. Long-term spectral envelope, then level.
        LongTermSpectrum target = request.Reference.SpectrumFor(rate)
            ?? throw new SynthesisAttemptException(VoiceCloneErrorCategory.Input, $"The reference has no long-term spectrum over the {rate} Hz band to match.");
        LongTermSpectrum current = LongTermSpectrum.Measure(new AudioBuffer(modified, rate), target.HighHz);
        double[] gains = EnvelopeEqualizer.BandGainsDb(current, target, EqualizerStrength);
        float[] equalized = EnvelopeEqualizer.Apply(modified, rate, gains, target.HighHz);
        double levelDb = target.ActiveLevelDb + emotion.LevelDb + request.GainCorrectionDb;
        double peakLimitedDb = MatchLevel(equalized, rate, target.HighHz, levelDb);

        double envelopeMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds - baseMs - psolaMs;
        return new SynthesizedSpeech(equalized, rate, $"{voice}+voice-match")
        {
            BaseVoice = voice,
            Device = "cpu",
            Counters = new Dictionary<string, double>
            {
                ["base_seconds"] = spoken.DurationSeconds,
                ["base_timbre_distance"] = LongTermSpectrum.Measure(spoken, target.HighHz).TimbreDistance(target),
                ["pitch_marks"] = marks.Positions.Length,
                ["pitch_range_ratio"] = mapping.RangeRatio,
                ["duration_factor"] = durationFactor,
                ["eq_max_abs_gain_db"] = gains.Max(Math.Abs),
                ["peak_limited_db"] = peakLimitedDb,
                ["base_voice_ms"] = baseMs,
                ["prosody_ms"] = psolaMs,
                ["envelope_ms"] = envelopeMs,
            },
        };
    }

    /// <summary>The base utterance's articulation rate over the reference's: how much longer the clone should be (1 when either is too short to have a rate).</summary>
    private static double TempoRatio(VoiceFeatures spoken, VoiceFeatures reference)
    {
        if (spoken.SyllableCount < SpeechRate.MinSyllablesForRate || reference.SyllableCount < SpeechRate.MinSyllablesForRate) return 1;
        double ratio = spoken.ArticulationRate / reference.ArticulationRate;
        return double.IsFinite(ratio) && ratio > 0 ? ratio : 1;
    }

    /// <summary>Scales the clip so its active level is <paramref name="levelDb"/>, then down if a peak would pass the limit; returns the dB the limit took off.</summary>
    private static double MatchLevel(float[] samples, int rate, double highHz, double levelDb)
    {
        double currentDb = LongTermSpectrum.Measure(new AudioBuffer(samples, rate), highHz).ActiveLevelDb;
        double gain = double.IsFinite(levelDb) && double.IsFinite(currentDb) ? Math.Pow(10, (levelDb - currentDb) / 20) : 1;
        float peak = 0;
        foreach (float s in samples) peak = Math.Max(peak, Math.Abs(s));
        double limitedGain = peak * gain > PeakLimit ? PeakLimit / peak : gain;
        for (int i = 0; i < samples.Length; i++) samples[i] = (float)(samples[i] * limitedGain);
        if (limitedGain < gain)
        {
            ModuleLog.For(Source).Debug("Level match limited by {Db:F1} dB to keep peaks below -0.5 dBFS",
                20 * Math.Log10(gain / limitedGain));
        }
        return 20 * Math.Log10(gain / limitedGain);
    }
}

using VoiceClone.Core.Analysis;
using VoiceClone.Core.Caching;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Engines.Default;

/// <summary>
/// flite's full-domain voices and their measured character: each is analysed once per catalog (the runtime keeps one
/// for the session) on a calibration passage, and the reference is matched to the nearest. kal (8 kHz) is left out for
/// kal16, the same voice at 16 kHz; awb_time speaks only clock times. Thread-safe.
/// </summary>
public sealed class BaseVoiceCatalog
{
    public static IReadOnlyList<string> Voices { get; } = ["kal16", "awb", "rms", "slt"];
    public const int SampleRateHz = 16000;

    /// <summary>The opening of the Rainbow Passage (Fairbanks 1960), the classic voice-analysis text.</summary>
    public const string CalibrationText =
        "When the sunlight strikes raindrops in the air, they act as a prism and form a rainbow. " +
        "The rainbow is a division of white light into many beautiful colors.";

    /// <summary>One semitone of F0 difference weighs as much as this fraction of formant-scale difference.</summary>
    private const double SemitonesPerFormantLogUnit = 12;

    private readonly OnceCache<string, VoiceFeatures> _profiles = new();

    public VoiceFeatures Profile(string voice, CancellationToken cancellation) => _profiles.Get(voice, v => Measure(v, cancellation));

    /// <summary>
    /// The voice whose median F0 (in semitones) and formant scale (12 x |ln ratio|, so 10 % counts about one semitone)
    /// are nearest the reference's: PSOLA keeps the base voice's formants, so the nearer the voice, the closer and cleaner the clone.
    /// </summary>
    public string Nearest(VoiceFeatures reference, CancellationToken cancellation)
    {
        string best = Voices[0];
        double bestDistance = double.PositiveInfinity;
        foreach (string voice in Voices)
        {
            VoiceFeatures profile = Profile(voice, cancellation);
            double semitones = double.IsFinite(reference.PitchMedian) ? Math.Abs(12 * Math.Log2(reference.PitchMedian / profile.PitchMedian)) : 0;
            double formant = Math.Abs(Math.Log(FormantScale(reference, profile)));
            double distance = semitones + SemitonesPerFormantLogUnit * formant;
            if (distance < bestDistance) (best, bestDistance) = (voice, distance);
        }
        return best;
    }

    /// <summary>Reference formants over the voice's (mean ratio of F1-F3 where both are measured): the vocal-tract-length factor.</summary>
    public static double FormantScale(VoiceFeatures reference, VoiceFeatures voice)
    {
        double[] ratios = new[] { (reference.F1Hz, voice.F1Hz), (reference.F2Hz, voice.F2Hz), (reference.F3Hz, voice.F3Hz) }
            .Where(p => double.IsFinite(p.Item1) && double.IsFinite(p.Item2) && p.Item2 > 0)
            .Select(p => p.Item1 / p.Item2).ToArray();
        return ratios.Length == 0 ? 1 : ratios.Average();
    }

    private static VoiceFeatures Measure(string voice, CancellationToken cancellation)
    {
        AudioBuffer audio = SincResampler.Resample(FliteSynthesizer.Speak(CalibrationText, voice, cancellation), SampleRateHz);
        return VoiceFeatureExtractor.Analyze(audio, $"flite:{voice}", ComparisonAnalysis.Options);
    }
}

namespace VoiceClone.Core.Emotion;

/// <summary>
/// Per-utterance normalisation of how fast the speech moves: the analysis hop is scaled so that the clip's level
/// contour changes, frame to frame, by a reference amount. Corpora, languages and people differ in articulation
/// tempo (EmoDB's German actors move level and pitch about 30 % faster per 10 ms than RAVDESS's, in every emotion
/// but sad), and every delta and slope functional scales with it; read at a normalised hop, the dynamics mean the
/// same whoever speaks. Like level normalisation, this is measured on the clip itself and needs no other data.
/// </summary>
internal static class SpeechDynamics
{
    /// <summary>
    /// The level-delta deviation every clip is read at, in dB per 10 ms frame: RAVDESS's median (the training corpus), so
    /// RAVDESS clips keep about a 10 ms hop.
    /// </summary>
    public const double ReferenceLevelDeltaDb = 2.25;
    // Hops are kept between 5 and 20 ms: outside that the clip is more likely noise or a single vowel than speech so slow or fast.
    private const double MaxTempoRatio = 2;
    private const int FrameSamples = 400, HopSamples = 160; // 25 ms every 10 ms at 16 kHz, as the descriptors
    private const double SpeechRangeDb = 35; // frames within 35 dB of the loudest, as the descriptors

    /// <summary>
    /// The hop scale (1 = 10 ms) that brings the clip's level-delta deviation to the reference; 1 when it cannot be
    /// measured.
    /// </summary>
    public static double Tempo(float[] samples)
    {
        int frames = Math.Max(0, (samples.Length - FrameSamples) / HopSamples + 1);
        var levelDb = new double[frames];
        for (int f = 0; f < frames; f++)
        {
            double sum = 0;
            for (int i = 0; i < FrameSamples; i++) sum += (double)samples[f * HopSamples + i] * samples[f * HopSamples + i];
            levelDb[f] = 10 * Math.Log10(sum / FrameSamples + 1e-10);
        }
        if (frames < 5) return 1;
        double loudest = levelDb.Max();
        double[] delta = Functionals.Delta(levelDb);
        double[] speech = Enumerable.Range(0, frames)
            .Where(f => levelDb[f] > loudest - SpeechRangeDb && !double.IsNaN(delta[f])).Select(f => delta[f]).ToArray();
        if (speech.Length < 3) return 1;
        double mean = speech.Average();
        double deviation = Math.Sqrt(speech.Sum(d => (d - mean) * (d - mean)) / speech.Length);
        return deviation > 0 ? Math.Clamp(ReferenceLevelDeltaDb / deviation, 1 / MaxTempoRatio, MaxTempoRatio) : 1;
    }
}

using VoiceClone.Core.Analysis.Pitch;

namespace VoiceClone.Core.Engines.Default;

/// <summary>
/// Analysis pitch marks for TD-PSOLA: one per glottal period in voiced speech, each moved to the waveform's
/// largest positive peak near where the period predicts it (a simple glottal-closure proxy), and a fixed
/// step in unvoiced speech.
/// </summary>
public static class PitchMarks
{
    /// <summary>Mark spacing in unvoiced speech.</summary>
    public const double UnvoicedStepSeconds = 0.01;
    // A mark may move up to this fraction of a period toward the local peak.
    private const double PeakSearchFraction = 0.3;

    /// <summary>Mark positions (samples) and, for each, its local period in samples and whether it is voiced.</summary>
    public static (int[] Positions, int[] PeriodSamples, bool[] Voiced) Find(ReadOnlySpan<float> samples, int sampleRateHz, PitchTrack pitch)
    {
        var positions = new List<int>();
        var periods = new List<int>();
        var voiced = new List<bool>();
        int unvoicedStep = (int)Math.Round(UnvoicedStepSeconds * sampleRateHz);
        int t = 0;
        bool previousVoiced = false;
        while (t < samples.Length)
        {
            double hz = pitch.FrequencyAt((double)t / sampleRateHz);
            bool isVoiced = hz > 0;
            int period = isVoiced ? Math.Max(2, (int)Math.Round(sampleRateHz / hz)) : unvoicedStep;
            int mark = t;
            if (isVoiced)
            {
                // On entering voicing, look a whole period ahead for the first peak; afterwards stay near the prediction.
                int reach = (int)(PeakSearchFraction * period);
                int from = previousVoiced ? Math.Max(0, t - reach) : t;
                int to = Math.Min(samples.Length - 1, previousVoiced ? t + reach : t + period);
                mark = ArgMax(samples, from, to);
                if (positions.Count > 0 && mark <= positions[^1]) mark = positions[^1] + 1;
            }
            positions.Add(mark);
            periods.Add(period);
            voiced.Add(isVoiced);
            previousVoiced = isVoiced;
            t = mark + period;
        }
        return (positions.ToArray(), periods.ToArray(), voiced.ToArray());
    }

    private static int ArgMax(ReadOnlySpan<float> samples, int from, int to)
    {
        int best = from;
        for (int i = from + 1; i <= to; i++) if (samples[i] > samples[best]) best = i;
        return best;
    }
}

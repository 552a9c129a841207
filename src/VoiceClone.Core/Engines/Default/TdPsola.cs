using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Engines.Default;

/// <summary>
/// Time-domain pitch-synchronous overlap-add (TD-PSOLA; Moulines &amp; Charpentier 1990, Speech Communication 9):
/// Hann-windowed two-period grains cut at the analysis pitch marks are re-laid at synthesis marks spaced by the
/// target period, and picked from the analysis time that the time-scale maps each synthesis mark to. Changes
/// F0 and duration independently while keeping the spectral envelope (formants) of the input.
/// </summary>
public static class TdPsola
{
    /// <param name="targetHz">Target F0 for an analysis mark, given its index and its input F0 (Hz).</param>
    /// <param name="durationFactor">Output duration over input duration.</param>
    public static float[] Modify(ReadOnlySpan<float> samples, int sampleRateHz,
        (int[] Positions, int[] PeriodSamples, bool[] Voiced) marks, Func<int, double, double> targetHz, double durationFactor)
    {
        int count = marks.Positions.Length;
        if (count == 0 || samples.Length == 0) return samples.ToArray();
        int outputLength = (int)Math.Round(samples.Length * durationFactor);
        var output = new float[outputLength];
        double synthesisTime = marks.Positions[0] * durationFactor;
        int nearest = 0;
        while (synthesisTime < outputLength)
        {
            double analysisTime = synthesisTime / durationFactor;
            while (nearest + 1 < count && Math.Abs(marks.Positions[nearest + 1] - analysisTime) <= Math.Abs(marks.Positions[nearest] - analysisTime)) nearest++;

            int analysisPeriod = marks.PeriodSamples[nearest];
            double synthesisPeriod = analysisPeriod;
            if (marks.Voiced[nearest])
            {
                double inputHz = (double)sampleRateHz / analysisPeriod;
                double hz = targetHz(nearest, inputHz);
                if (hz > 0 && double.IsFinite(hz)) synthesisPeriod = sampleRateHz / hz;
            }
            // Grains overlap by (analysis period / synthesis period); scaling by the inverse keeps the level.
            double gain = Math.Min(1.0, synthesisPeriod / analysisPeriod);
            AddGrain(samples, marks.Positions[nearest], analysisPeriod, output, (int)Math.Round(synthesisTime), (float)gain);
            synthesisTime += Math.Max(1, synthesisPeriod);
        }
        return output;
    }

    private static void AddGrain(ReadOnlySpan<float> input, int centre, int halfWidth, float[] output, int outputCentre, float gain)
    {
        for (int k = -halfWidth; k <= halfWidth; k++)
        {
            int from = centre + k, to = outputCentre + k;
            if ((uint)from >= (uint)input.Length || (uint)to >= (uint)output.Length) continue;
            output[to] += (float)(gain * Windows.CentredHann(k, halfWidth) * input[from]);
        }
    }
}

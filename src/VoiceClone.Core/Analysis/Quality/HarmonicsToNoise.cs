using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Analysis.Quality;

/// <summary>
/// Harmonics-to-noise ratio from the normalised autocorrelation r at the pitch period (Boersma 1993,
/// IFA Proceedings 17): HNR = 10 log10(r / (1 - r)), averaged in dB over voiced frames.
/// </summary>
internal static class HarmonicsToNoise
{
    // 40 ms window: at least two periods at the 50 Hz floor.
    private const double WindowSeconds = 0.040;
    // r is clipped so a perfectly periodic synthetic frame reads 60 dB, not infinity.
    private const double MaxCorrelation = 0.999999;
    // Voiced frames 20 ms apart, so the 40 ms windows still overlap and cover all voiced speech.
    private const double StepSeconds = 0.020;
    // Frame times carry rounding; a frame this close to the next due time counts as on time.
    private const double StrideTolerance = 1e-6;

    public static void Accumulate(ReadOnlySpan<float> x, int sampleRateHz, PitchTrack pitch, QualityTotals totals)
    {
        int window = (int)(WindowSeconds * sampleRateHz);
        double next = double.NegativeInfinity;
        for (int i = 0; i < pitch.FrameCount; i++)
        {
            double f0 = pitch.FrequencyHz[i];
            if (double.IsNaN(f0) || pitch.TimeSeconds(i) < next - StrideTolerance) continue;
            next = pitch.TimeSeconds(i) + StepSeconds;
            int start = (int)(pitch.TimeSeconds(i) * sampleRateHz) - window / 2;
            int lag = (int)Math.Round(sampleRateHz / f0);
            if (start < 0 || start + window + lag + 2 >= x.Length) continue;
            double best = 0;
            for (int l = Math.Max(1, lag - 2); l <= lag + 2; l++) best = Math.Max(best, NormalisedCorrelation(x, start, window, l));
            if (best <= 0) continue;
            double r = Math.Min(best, MaxCorrelation);
            totals.HnrDbSum += 10 * Math.Log10(r / (1 - r));
            totals.HnrFrames++;
        }
    }

    private static double NormalisedCorrelation(ReadOnlySpan<float> x, int start, int length, int lag)
    {
        var (xy, xx, yy) = VectorSums.Correlation(x.Slice(start, length), x.Slice(start + lag, length));
        return xx > 0 && yy > 0 ? xy / Math.Sqrt(xx * yy) : 0;
    }
}

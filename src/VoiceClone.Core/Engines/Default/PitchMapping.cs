using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Engines.Default;

/// <summary>
/// Log-domain F0 mapping (the mean-variance transform of voice conversion, e.g. Toda et al. 2007, with the median
/// and the 5th-95th percentile span in place of mean and deviation): ln f' = ln m_ref + (ln f - ln m_src) x r,
/// r = ln(p95/p5)_ref / ln(p95/p5)_src.
/// </summary>
public sealed class PitchMapping
{
    private const double MinOutputHz = 40, MaxOutputHz = 1000;

    private PitchMapping(double sourceMedianHz, double targetMedianHz, double rangeRatio)
    {
        SourceMedianHz = sourceMedianHz;
        TargetMedianHz = targetMedianHz;
        RangeRatio = rangeRatio;
    }

    public double SourceMedianHz { get; }
    public double TargetMedianHz { get; }
    public double RangeRatio { get; }

    /// <summary>From the voiced frames of <paramref name="source"/> to the reference; an unmeasured reference leaves F0 as it is.</summary>
    public static PitchMapping Between(PitchTrack source, VoiceFeatures reference, double rangeFactor, double medianCorrection)
    {
        double[] voiced = source.FrequencyHz.Where(f => f > 0).Select(f => (double)f).ToArray();
        if (voiced.Length == 0) return new PitchMapping(1, 1, 1);
        double median = Statistics.Percentile(voiced, 50);
        double sourceSpan = Math.Log(Statistics.Percentile(voiced, 95) / Statistics.Percentile(voiced, 5));
        double referenceSpan = Math.Log(reference.PitchRangeHigh / reference.PitchRangeLow);
        double ratio = sourceSpan > 0 && double.IsFinite(referenceSpan) ? referenceSpan / sourceSpan : 1;
        ratio = Math.Clamp(ratio * rangeFactor, 1 / VoiceMatchEngine.MaxRangeRatio, VoiceMatchEngine.MaxRangeRatio);
        double targetMedian = double.IsFinite(reference.PitchMedian) ? reference.PitchMedian : median;
        return new PitchMapping(median, targetMedian * medianCorrection, ratio);
    }

    public double Map(double hz) =>
        Math.Clamp(Math.Exp(Math.Log(TargetMedianHz) + (Math.Log(hz) - Math.Log(SourceMedianHz)) * RangeRatio), MinOutputHz, MaxOutputHz);
}

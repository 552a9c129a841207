namespace VoiceClone.Core.Analysis.Quality;

/// <summary>
/// Running sums behind the voice-quality means, so a long recording can be measured segment by segment and the
/// means taken once at the end.
/// </summary>
internal sealed class QualityTotals
{
    public double JitterSum, PeriodSum, ShimmerSum, HnrDbSum;
    public int JitterPairs, Periods, ShimmerPairs, HnrFrames;
    public readonly double[] FormantSums = new double[3];
    public readonly int[] FormantCounts = new int[3];

    public double JitterLocal => JitterPairs > 0 && Periods > 0 ? (JitterSum / JitterPairs) / (PeriodSum / Periods) : double.NaN;
    public double ShimmerLocalDb => ShimmerPairs > 0 ? ShimmerSum / ShimmerPairs : double.NaN;
    public double HnrDb => HnrFrames > 0 ? HnrDbSum / HnrFrames : double.NaN;
    public double Formant(int index) => FormantCounts[index] > 0 ? FormantSums[index] / FormantCounts[index] : double.NaN;
}

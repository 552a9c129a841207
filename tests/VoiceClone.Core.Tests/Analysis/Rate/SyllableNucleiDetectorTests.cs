using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Analysis.Rate;

namespace VoiceClone.Core.Tests.Analysis.Rate;

public sealed class SyllableNucleiDetectorTests
{
    private const double HopSeconds = 0.01;

    /// <summary>Level contour of <paramref name="syllables"/> raised-cosine bumps of 120 ms, each dipping <paramref name="dipDb"/> between.</summary>
    private static double[] Syllables(int syllables, double dipDb, double peakDb = -20)
    {
        var levels = new List<double>(Enumerable.Repeat(-70.0, 30));
        for (int s = 0; s < syllables; s++)
        {
            for (int i = 0; i < 12; i++) levels.Add(peakDb - dipDb * (0.5 + 0.5 * Math.Cos(2 * Math.PI * i / 12)));
        }
        levels.AddRange(Enumerable.Repeat(-70.0, 30));
        return [.. levels];
    }

    private static PitchTrack Voiced(int frames, Func<int, bool> voiced) => new(
        HopSeconds,
        Enumerable.Range(0, frames).Select(i => voiced(i) ? 150f : float.NaN).ToArray(),
        Enumerable.Range(0, frames).Select(i => voiced(i) ? 0.9f : 0.1f).ToArray());

    [Fact]
    public void Each_voiced_peak_standing_2_dB_above_its_dips_is_one_nucleus()
    {
        double[] levels = Syllables(7, dipDb: 8);

        List<int> nuclei = SyllableNucleiDetector.Detect(levels, Voiced(levels.Length, _ => true), HopSeconds);

        Assert.Equal(7, nuclei.Count);
        Assert.All(nuclei.Zip(nuclei.Skip(1)), pair => Assert.InRange(pair.Second - pair.First, 11, 13));
    }

    [Fact]
    public void Peaks_separated_by_less_than_2_dB_are_one_syllable()
    {
        double[] levels = Syllables(7, dipDb: 1);

        Assert.Single(SyllableNucleiDetector.Detect(levels, Voiced(levels.Length, _ => true), HopSeconds));
    }

    [Fact]
    public void Unvoiced_peaks_are_not_nuclei()
    {
        double[] levels = Syllables(6, dipDb: 8);
        // Only the first three syllables (frames 30..65) are voiced.
        List<int> nuclei = SyllableNucleiDetector.Detect(levels, Voiced(levels.Length, i => i < 66), HopSeconds);

        Assert.Equal(3, nuclei.Count);
    }

    [Fact]
    public void Peaks_more_than_25_dB_below_the_loudest_are_silence()
    {
        double[] loud = Syllables(4, dipDb: 8);
        double[] quiet = Syllables(4, dipDb: 8, peakDb: -50);
        double[] levels = [.. loud, .. quiet];

        Assert.Equal(4, SyllableNucleiDetector.Detect(levels, Voiced(levels.Length, _ => true), HopSeconds).Count);
    }
}

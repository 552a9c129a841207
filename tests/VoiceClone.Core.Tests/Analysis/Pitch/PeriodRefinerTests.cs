using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Analysis.Pitch;

/// <summary>The time-domain period refinement behind -PitchAlgorithm SwiftF0, on a coarse track with known errors.</summary>
public sealed class PeriodRefinerTests
{
    [Fact]
    public void A_coarse_track_a_few_percent_off_is_pulled_onto_the_true_period_and_keeps_its_voicing()
    {
        float[] x = Voices.Concat(Voices.Harmonic(_ => 180, 0.5), Voices.Silence(0.2));
        int coarseFrames = 44; // every 16 ms over 0.7 s
        var coarseHz = Enumerable.Range(0, coarseFrames).Select(i => i * 0.016 < 0.48 ? (i % 2 == 0 ? 171f : 189f) : float.NaN).ToArray();
        var coarse = new PitchTrack(0.016, coarseHz, coarseHz.Select(f => float.IsNaN(f) ? 0.1f : 0.99f).ToArray());

        PitchTrack refined = PeriodRefiner.Refine(coarse, x, Voices.Rate, 0.004);

        float[] voiced = refined.FrequencyHz.Where(f => !float.IsNaN(f)).ToArray();
        Assert.True(voiced.Length > 100);
        Assert.All(voiced.Skip(5), f => Assert.InRange(f, 179, 181));
        Assert.True(float.IsNaN(refined.FrequencyHz[(int)(0.6 / 0.004)]), "silence stays unvoiced");
        Assert.Equal(0.004, refined.HopSeconds);
    }

    [Fact]
    public void An_octave_error_in_the_coarse_track_is_kept_not_searched_beyond_20_percent()
    {
        float[] x = Voices.Harmonic(_ => 200, 0.5);
        var coarse = new PitchTrack(0.016, Enumerable.Repeat(100f, 31).ToArray(), Enumerable.Repeat(0.99f, 31).ToArray());
        PitchTrack refined = PeriodRefiner.Refine(coarse, x, Voices.Rate, 0.004);
        Assert.All(refined.FrequencyHz.Skip(5).Take(100), f => Assert.InRange(f, 80, 120));
    }

    [Fact]
    public void Noise_the_coarse_track_calls_voiced_is_unvoiced_and_a_voice_at_0_dB_SNR_stays_voiced()
    {
        float[] voice = Voices.Harmonic(_ => 150, 0.6, amplitude: 0.1);
        double voiceRms = Math.Sqrt(voice.Average(v => (double)v * v));
        float[] x = Voices.Concat(Voices.Add(voice, Voices.WhiteNoise(voice.Length, voiceRms)), Voices.WhiteNoise(voice.Length, voiceRms, seed: 9));
        var coarse = new PitchTrack(0.016, Enumerable.Repeat(150f, 76).ToArray(), Enumerable.Repeat(0.99f, 76).ToArray());

        PitchTrack refined = PeriodRefiner.Refine(coarse, x, Voices.Rate, 0.004);

        double VoicedShare(double from, double to) => Enumerable.Range(0, refined.FrameCount).Where(i => refined.TimeSeconds(i) > from && refined.TimeSeconds(i) < to)
            .Average(i => float.IsNaN(refined.FrequencyHz[i]) ? 0.0 : 1.0);
        Assert.True(VoicedShare(0.05, 0.55) > 0.9, $"voice in noise: {VoicedShare(0.05, 0.55):P0} voiced");
        Assert.True(VoicedShare(0.65, 1.15) < 0.05, $"noise alone: {VoicedShare(0.65, 1.15):P0} voiced");
        Assert.All(Enumerable.Range(0, refined.FrameCount).Where(i => refined.TimeSeconds(i) > 0.65 && refined.TimeSeconds(i) < 1.15),
            i => Assert.True(refined.VoicingProbability[i] < 0.5));
    }
}

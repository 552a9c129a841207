using VoiceClone.Core.Analysis.Spectral;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Engines.Default;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Engines.Default;

public sealed class SpectralMatchingTests
{
    private static LongTermSpectrum Spectrum(float[] x) => LongTermSpectrum.Measure(new AudioBuffer(x, Voices.Rate), LongTermSpectrum.HighestHz);

    [Fact]
    public void Timbre_distance_is_zero_for_the_same_voice_at_another_level_and_large_for_other_formants()
    {
        float[] a = Voices.Vowel(120, 2.0, formantsHz: [700, 1200, 2600]);
        float[] quieter = a.Select(v => v * 0.25f).ToArray();
        float[] other = Voices.Vowel(120, 2.0, formantsHz: [350, 2200, 3000]);
        Assert.InRange(Spectrum(a).TimbreDistance(Spectrum(quieter)), 0, 0.01);
        Assert.True(Spectrum(a).TimbreDistance(Spectrum(other)) > 10);
        Assert.InRange(Spectrum(quieter).ActiveLevelDb - Spectrum(a).ActiveLevelDb, -12.1, -11.9); // 20 log10(0.25)
    }

    [Fact]
    public void The_equalizer_moves_one_envelope_toward_another()
    {
        float[] source = Voices.Vowel(120, 2.0, formantsHz: [700, 1200, 2600]);
        float[] target = Voices.Vowel(120, 2.0, formantsHz: [500, 1700, 2900]);
        LongTermSpectrum before = Spectrum(source), goal = Spectrum(target);
        double[] gains = EnvelopeEqualizer.BandGainsDb(before, goal);
        Assert.All(gains, g => Assert.InRange(g, -EnvelopeEqualizer.MaxGainDb, EnvelopeEqualizer.MaxGainDb));
        float[] equalized = EnvelopeEqualizer.Apply(source, Voices.Rate, gains, goal.HighHz);
        Assert.Equal(source.Length, equalized.Length);
        double distanceBefore = before.TimbreDistance(goal), distanceAfter = Spectrum(equalized).TimbreDistance(goal);
        Assert.True(distanceAfter < 0.6 * distanceBefore, $"distance {distanceBefore:F1} -> {distanceAfter:F1}");
    }

    [Fact]
    public void Flat_gains_leave_the_signal_as_it_was_and_in_time()
    {
        float[] source = Voices.Vowel(150, 1.0);
        float[] output = EnvelopeEqualizer.Apply(source, Voices.Rate, new double[LongTermSpectrum.BandCount], LongTermSpectrum.HighestHz);
        double error = Math.Sqrt(source.Zip(output, (a, b) => (a - b) * (double)(a - b)).Average());
        Assert.True(error < 0.01 * Signals.Rms(source), $"rms error {error}");
    }

    [Fact]
    public void Log_domain_pitch_mapping_puts_the_median_on_the_reference_and_scales_the_range()
    {
        var source = new VoiceClone.Core.Analysis.Pitch.PitchTrack(0.01, [100, 110, 120, 130, 140, 0], [1, 1, 1, 1, 1, 0]);
        var reference = new VoiceFeatures { PitchMedian = 200, PitchRangeLow = 150, PitchRangeHigh = 260 };
        var mapping = PitchMapping.Between(source, reference, rangeFactor: 1, medianCorrection: 1);
        Assert.Equal(200, mapping.Map(120), 6);
        double sourceSpan = Math.Log(138.0 / 102); // p95/p5 of 100..140, linear interpolation
        Assert.Equal(Math.Log(260.0 / 150) / sourceSpan, mapping.RangeRatio, 2);
        Assert.True(mapping.Map(140) > 200 && mapping.Map(100) < 200);
        var corrected = PitchMapping.Between(source, reference, 1, medianCorrection: 1.1);
        Assert.Equal(220, corrected.Map(120), 6);
    }

    [Fact]
    public void Emotion_prosody_is_scaled_by_confidence_and_ignored_when_unsure()
    {
        Assert.Equal(EmotionProsody.Unchanged, EmotionProsody.For("sad", 0.3));
        Assert.Equal(EmotionProsody.Unchanged, EmotionProsody.For("surprised", 0.9));
        EmotionProsody sad = EmotionProsody.For("sad", 1.0);
        Assert.Equal(0.85, sad.PitchRangeFactor, 6);
        Assert.Equal(0.85 + 0.5 * 0.15, EmotionProsody.For("sad", 0.5).PitchRangeFactor, 6);
        Assert.All(EmotionProsody.All.Values, p => Assert.InRange(p.TempoFactor, 0.95, 1.05));
    }
}

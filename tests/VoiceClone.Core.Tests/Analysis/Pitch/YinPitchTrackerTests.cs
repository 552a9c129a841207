using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Analysis.Pitch;

/// <summary>The default tracker against signals whose F0 is known exactly.</summary>
public sealed class YinPitchTrackerTests
{
    private static PitchTrack Track(float[] x, PitchTrackerOptions? options = null) =>
        YinPitchTracker.Track(new AudioBuffer(x, Voices.Rate), options ?? PitchTrackerOptions.Default);

    private static double Cents(double measured, double truth) => 1200 * Math.Log2(measured / truth);

    /// <summary>Share of frames (inside the edges) that are voiced and within 50 cents of the truth.</summary>
    private static double Accuracy(PitchTrack track, Func<double, double> truth)
    {
        int good = 0, total = 0;
        for (int i = 5; i < track.FrameCount - 5; i++)
        {
            total++;
            double f = track.FrequencyHz[i];
            if (!double.IsNaN(f) && Math.Abs(Cents(f, truth(track.TimeSeconds(i)))) <= 50) good++;
        }
        return (double)good / total;
    }

    [Theory]
    [InlineData(60)]
    [InlineData(100)]
    [InlineData(220)]
    [InlineData(440)]
    [InlineData(750)]
    public void Pure_tones_are_found_within_10_cents(double hz)
    {
        PitchTrack track = Track(Signals.Sine(hz, Voices.Rate, Voices.Rate));
        double median = track.FrequencyHz.Where(f => !float.IsNaN(f)).Select(f => (double)f).Order().ElementAt(track.FrequencyHz.Count(f => !float.IsNaN(f)) / 2);
        Assert.InRange(Cents(median, hz), -10, 10);
        Assert.True(Accuracy(track, _ => hz) > 0.95);
    }

    [Theory]
    [InlineData(85)]
    [InlineData(130)]
    [InlineData(210)]
    public void Glottal_pulse_like_harmonic_voices_are_tracked(double hz) =>
        Assert.True(Accuracy(Track(Voices.Harmonic(_ => hz, 1.0)), _ => hz) > 0.97);

    [Fact]
    public void A_sweep_is_followed()
    {
        Func<double, double> f0 = t => 100 * Math.Pow(3, t / 2.0); // 100 -> 300 Hz over 2 s, exponentially
        Assert.True(Accuracy(Track(Voices.Harmonic(f0, 2.0)), f0) > 0.95);
    }

    [Fact]
    public void Vibrato_is_followed()
    {
        Func<double, double> f0 = t => 200 * Math.Pow(2, Math.Sin(2 * Math.PI * 5.5 * t) / 12); // +-1 semitone at 5.5 Hz
        Assert.True(Accuracy(Track(Voices.Harmonic(f0, 2.0)), f0) > 0.95);
    }

    [Fact]
    public void A_strong_second_harmonic_does_not_lift_the_estimate_an_octave()
    {
        // The octave-up trap: harmonic 2 three times as strong as the fundamental.
        float[] x = Voices.Harmonic(_ => 150, 1.0, harmonicGain: k => k == 2 ? 3.0 : 1.0 / k);
        Assert.True(Accuracy(Track(x), _ => 150) > 0.95);
    }

    [Fact]
    public void A_missing_fundamental_is_still_heard_at_the_fundamental()
    {
        float[] x = Voices.Harmonic(_ => 120, 1.0, harmonicGain: k => k == 1 ? 0 : 1.0 / k);
        Assert.True(Accuracy(Track(x), _ => 120) > 0.95);
    }

    [Fact]
    public void Alternating_pulse_amplitudes_do_not_halve_the_estimate()
    {
        // The octave-down trap: every other cycle 20 % weaker, which adds a sub-harmonic at f0 / 2.
        float[] x = Voices.Harmonic(_ => 200, 1.0);
        int period = Voices.Rate / 200;
        for (int i = 0; i < x.Length; i++) if (i / period % 2 == 1) x[i] *= 0.8f;
        Assert.True(Accuracy(Track(x), _ => 200) > 0.9);
    }

    [Fact]
    public void White_and_pink_noise_at_10_dB_SNR_still_leave_the_pitch()
    {
        float[] voice = Voices.Harmonic(_ => 150, 1.5);
        double noiseRms = Signals.Rms(voice) / Math.Pow(10, 10 / 20.0);
        Assert.True(Accuracy(Track(Voices.Add(voice, Voices.WhiteNoise(voice.Length, noiseRms))), _ => 150) > 0.9);
        Assert.True(Accuracy(Track(Voices.Add(voice, Voices.PinkNoise(voice.Length, noiseRms))), _ => 150) > 0.9);
    }

    [Fact]
    public void Noise_and_silence_are_unvoiced()
    {
        Assert.True(Track(Voices.WhiteNoise(Voices.Rate, 0.1)).FrequencyHz.Count(f => !float.IsNaN(f)) < Voices.Rate / 160 / 10);
        Assert.All(Track(Voices.Silence(1)).FrequencyHz, f => Assert.True(float.IsNaN(f)));
    }

    [Fact]
    public void Voicing_switches_at_the_boundaries_of_speech()
    {
        float[] x = Voices.Concat(Voices.Silence(0.5), Voices.Harmonic(_ => 180, 0.5), Voices.Silence(0.5));
        PitchTrack track = Track(x);
        Assert.True(float.IsNaN(track.FrequencyHz[track.FrameAt(0.25)]));
        Assert.InRange(track.FrequencyHz[track.FrameAt(0.75)], 178f, 182f);
        Assert.True(float.IsNaN(track.FrequencyHz[track.FrameAt(1.25)]));
    }

    [Fact]
    public void The_range_limits_are_respected_and_checked()
    {
        PitchTrack track = Track(Voices.Harmonic(_ => 300, 1.0), PitchTrackerOptions.Speech with { MaxHz = 250 });
        Assert.All(track.FrequencyHz.Where(f => !float.IsNaN(f)), f => Assert.InRange(f, 60, 255));
        Assert.Throws<ArgumentOutOfRangeException>(() => Track(new float[16000], new PitchTrackerOptions { MinHz = 400, MaxHz = 300 }));
    }
}

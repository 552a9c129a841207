using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Engines.Default;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Engines.Default;

public sealed class TdPsolaTests
{
    private static double MedianHz(float[] samples) =>
        Statistics.Percentile(YinPitchTracker.Track(new AudioBuffer(samples, Voices.Rate), PitchTrackerOptions.Default)
            .FrequencyHz.Where(f => f > 0).Select(f => (double)f), 50);

    private static float[] Modify(float[] input, Func<int, double, double> targetHz, double durationFactor)
    {
        var audio = new AudioBuffer(input, Voices.Rate);
        var marks = PitchMarks.Find(input, Voices.Rate, YinPitchTracker.Track(audio, PitchTrackerOptions.Default));
        return TdPsola.Modify(input, Voices.Rate, marks, targetHz, durationFactor);
    }

    [Theory]
    [InlineData(120, 180)]
    [InlineData(200, 140)]
    public void Moves_f0_to_the_target_and_keeps_the_duration(double sourceHz, double targetHz)
    {
        float[] input = Voices.Vowel(sourceHz, 1.5);
        float[] output = Modify(input, (_, _) => targetHz, 1);
        Assert.Equal(input.Length, output.Length);
        Assert.InRange(MedianHz(output), targetHz * 0.98, targetHz * 1.02);
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(1.4)]
    public void Stretches_time_without_moving_f0(double durationFactor)
    {
        float[] input = Voices.Vowel(150, 1.5);
        float[] output = Modify(input, (_, hz) => hz, durationFactor);
        Assert.Equal((int)Math.Round(input.Length * durationFactor), output.Length);
        Assert.InRange(MedianHz(output), 150 * 0.98, 150 * 1.02);
        // The level stays: overlap-add of Hann grains at the analysis spacing sums to one.
        Assert.InRange(Signals.Db(Signals.Rms(output) / Signals.Rms(input)), -1.5, 1.5);
    }

    [Fact]
    public void Pitch_marks_follow_the_period_in_voiced_speech_and_step_10_ms_in_silence()
    {
        float[] input = Voices.Concat(Voices.Silence(0.3), Voices.Vowel(100, 1.0));
        var marks = PitchMarks.Find(input, Voices.Rate, YinPitchTracker.Track(new AudioBuffer(input, Voices.Rate), PitchTrackerOptions.Default));
        var voicedGaps = Enumerable.Range(1, marks.Positions.Length - 1)
            .Where(i => marks.Voiced[i] && marks.Voiced[i - 1]).Select(i => marks.Positions[i] - marks.Positions[i - 1]).ToArray();
        Assert.True(voicedGaps.Length > 80);
        Assert.InRange(Statistics.Percentile(voicedGaps.Select(g => (double)g), 50), 158, 162); // 16000 / 100 Hz
        Assert.Equal(160, marks.Positions[1] - marks.Positions[0]); // unvoiced: 10 ms
        Assert.True(marks.Positions.Zip(marks.Positions.Skip(1)).All(p => p.Second > p.First));
    }
}

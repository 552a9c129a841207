using VoiceClone.Core.Analysis.Activity;

namespace VoiceClone.Core.Tests.Analysis.Activity;

public sealed class EnergyVoiceActivityDetectorTests
{
    private static double[] Levels(params (double Db, int Frames)[] runs) => runs.SelectMany(r => Enumerable.Repeat(r.Db, r.Frames)).ToArray();

    [Fact]
    public void Speech_between_silences_is_found_whatever_the_recording_level()
    {
        foreach (double gainDb in new[] { -30.0, 0, 20 })
        {
            double[] levels = Levels((-75, 100), (-20, 150), (-75, 100)).Select(l => l + gainDb).ToArray();

            bool[] speech = EnergyVoiceActivityDetector.Detect(levels);

            Assert.Equal(Enumerable.Range(100, 150), Enumerable.Range(0, speech.Length).Where(i => speech[i]));
        }
    }

    [Fact]
    public void A_recording_below_minus_60_dBFS_has_no_speech_however_it_varies()
    {
        double[] levels = Levels((-90, 100), (-65, 100), (-90, 100));

        Assert.DoesNotContain(true, EnergyVoiceActivityDetector.Detect(levels));
    }

    [Fact]
    public void Steady_noise_is_not_speech_because_the_threshold_stays_6_dB_above_the_floor()
    {
        var random = new Random(11);
        double[] levels = Enumerable.Range(0, 500).Select(_ => -40 + 2 * (random.NextDouble() - 0.5)).ToArray();

        Assert.DoesNotContain(true, EnergyVoiceActivityDetector.Detect(levels));
    }

    [Fact]
    public void A_pause_of_300_ms_survives_and_a_stop_closure_of_60_ms_is_bridged()
    {
        double[] levels = Levels((-70, 50), (-20, 60), (-70, 30), (-20, 60), (-70, 6), (-20, 60), (-70, 50));

        bool[] speech = EnergyVoiceActivityDetector.Detect(levels);

        Assert.All(Enumerable.Range(110, 30), i => Assert.False(speech[i]));
        Assert.All(Enumerable.Range(200, 6), i => Assert.True(speech[i]));
    }

    [Fact]
    public void No_frames_means_no_speech() => Assert.Empty(EnergyVoiceActivityDetector.Detect([]));
}

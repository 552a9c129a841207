using VoiceClone.Core.Devices;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Devices;

public sealed class RecordingQualityTests
{
    // Four seconds of a voice with syllable-rate level changes, 0.3 s of silence at each end.
    private static float[] Take(double gain) => Voices.Concat(Voices.Silence(0.3),
        Voices.Harmonic(_ => 140, 4, amplitude: gain)
            .Select((s, i) => (float)(s * (0.6 + 0.4 * Math.Sin(2 * Math.PI * 4 * i / Voices.Rate)))).ToArray(),
        Voices.Silence(0.3));

    private static IReadOnlyList<string> Problems(float[] x) => RecordingQuality.Problems(new AudioBuffer(x, Voices.Rate));

    [Fact]
    public void A_good_take_has_no_problem() => Assert.Empty(Problems(Take(0.3)));

    [Fact]
    public void A_take_driven_into_full_scale_is_clipped()
    {
        float[] hot = Take(3).Select(s => Math.Clamp(s, -1f, 1f)).ToArray();
        Assert.StartsWith("The take is clipped", Assert.Single(Problems(hot)));
    }

    [Fact]
    public void A_take_of_room_noise_with_one_word_is_mostly_silence()
    {
        float[] word = Voices.Concat(Voices.Silence(1), Voices.Harmonic(_ => 140, 0.6), Voices.Silence(3.4));
        float[] x = Voices.Add(word, Voices.PinkNoise(5 * Voices.Rate, 0.001));
        Assert.StartsWith("The take is mostly silence: 0.", Assert.Single(Problems(x)));
        Assert.StartsWith("The take is mostly silence: 0.0 s", Assert.Single(Problems(new float[5 * Voices.Rate])));
    }

    [Fact]
    public void Speech_far_below_the_usual_level_is_too_quiet()
    {
        string problem = Assert.Single(Problems(Take(0.003)));
        Assert.Matches(@"^The take is too quiet: speech averages -\d+ dBFS", problem);
    }
}

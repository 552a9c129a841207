using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Models;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Analysis;

/// <summary>
/// Voicing in noise: a voice stays voiced, at its pitch, and the noise around it stays unvoiced. Each recording is
/// 1 s of noise, 1.5 s of a harmonic voice in the same noise, and 1 s of noise again, as a phone recording starts.
/// </summary>
public sealed class NoiseRobustVoicingTests
{
    private const double VoiceStartSeconds = 1.0, VoiceSeconds = 1.5;
    // Voiced frames are judged inside the voice, away from its edges, and noise frames away from the voice.
    private const double EdgeSeconds = 0.1;
    private const double VoiceHz = 150;

    private static float[] VoiceInNoise(string kind, double snrDb, int seed = 5)
    {
        float[] voice = Voices.Harmonic(t => VoiceHz * Math.Pow(2, 0.5 * Math.Sin(2 * Math.PI * t) / 12), VoiceSeconds);
        double noiseRms = Signals.Rms(voice) / Math.Pow(10, snrDb / 20);
        int length = (int)((2 * VoiceStartSeconds + VoiceSeconds) * Voices.Rate);
        float[] noise = kind == "pink" ? Voices.PinkNoise(length, noiseRms, seed) : Voices.WhiteNoise(length, noiseRms, seed);
        float[] speech = Voices.Concat(Voices.Silence(VoiceStartSeconds), voice, Voices.Silence(VoiceStartSeconds));
        return Voices.Add(speech[..length], noise);
    }

    private static double VoicedShare(PitchTrack track, double fromSeconds, double toSeconds) =>
        Frames(track, fromSeconds, toSeconds).Average(i => float.IsNaN(track.FrequencyHz[i]) ? 0.0 : 1.0);

    private static IEnumerable<int> Frames(PitchTrack track, double fromSeconds, double toSeconds) =>
        Enumerable.Range(0, track.FrameCount).Where(i => track.TimeSeconds(i) >= fromSeconds && track.TimeSeconds(i) <= toSeconds);

    private static void AssertVoiceFoundAndNoiseLeft(PitchTrack track)
    {
        double from = VoiceStartSeconds + EdgeSeconds, to = VoiceStartSeconds + VoiceSeconds - EdgeSeconds;
        double voiced = VoicedShare(track, from, to);
        Assert.True(voiced > 0.9, $"voice in noise: {voiced:P0} of frames voiced");
        double truthAt(double t) => VoiceHz * Math.Pow(2, 0.5 * Math.Sin(2 * Math.PI * (t - VoiceStartSeconds)) / 12);
        var voicedFrames = Frames(track, from, to).Where(i => !float.IsNaN(track.FrequencyHz[i])).ToArray();
        double accurate = voicedFrames.Average(i => Math.Abs(1200 * Math.Log2(track.FrequencyHz[i] / truthAt(track.TimeSeconds(i)))) <= 50 ? 1.0 : 0.0);
        Assert.True(accurate > 0.95, $"{accurate:P0} of voiced frames within 50 cents");
        double before = VoicedShare(track, 0, VoiceStartSeconds - EdgeSeconds);
        double after = VoicedShare(track, VoiceStartSeconds + VoiceSeconds + EdgeSeconds, 2 * VoiceStartSeconds + VoiceSeconds);
        Assert.True(before < 0.05 && after < 0.05, $"noise alone: {before:P0} and {after:P0} of frames voiced");
    }

    [Theory]
    [InlineData("pink", 5)]
    [InlineData("pink", 0)]
    [InlineData("white", 0)]
    public void A_voice_in_noise_stays_voiced_at_its_pitch_and_the_noise_alone_unvoiced(string kind, double snrDb) =>
        AssertVoiceFoundAndNoiseLeft(YinPitchTracker.TrackRefined(new AudioBuffer(VoiceInNoise(kind, snrDb), Voices.Rate), PitchTrackerOptions.Default));

    [SkippableFact]
    public void SwiftF0_keeps_a_voice_in_pink_noise_at_0_dB_voiced()
    {
        using var sessions = new OnnxSessions();
        var model = sessions.Get(SharedData.Require("models/swift-f0/model.onnx"));
        AssertVoiceFoundAndNoiseLeft(SwiftF0PitchTracker.Track(new AudioBuffer(VoiceInNoise("pink", 0), Voices.Rate), PitchTrackerOptions.Default, model));
    }

    [Fact]
    public void Voicing_probability_is_high_in_the_voice_and_low_in_the_noise()
    {
        PitchTrack track = YinPitchTracker.Track(new AudioBuffer(VoiceInNoise("pink", 5), Voices.Rate), PitchTrackerOptions.Default);
        double inVoice = Frames(track, VoiceStartSeconds + EdgeSeconds, VoiceStartSeconds + VoiceSeconds - EdgeSeconds).Average(i => track.VoicingProbability[i]);
        double inNoise = Frames(track, 0, VoiceStartSeconds - EdgeSeconds).Average(i => track.VoicingProbability[i]);
        Assert.True(inVoice > 0.6 && inNoise < 0.4, $"mean voicing probability {inVoice:F2} in the voice, {inNoise:F2} in the noise");
    }

    [Fact]
    public void A_steady_voice_without_pauses_is_voiced_throughout()
    {
        // No pause means no noise floor to measure: the level gate must not turn the whole recording unvoiced.
        PitchTrack track = YinPitchTracker.TrackRefined(new AudioBuffer(Voices.Harmonic(_ => 220, 2.0), Voices.Rate), PitchTrackerOptions.Default);
        Assert.True(VoicedShare(track, 0.05, 1.95) > 0.98);
    }
}

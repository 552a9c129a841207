using VoiceClone.Core.Analysis;
using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Models;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Analysis.Pitch;

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
    // The voice glides half a semitone either side of VoiceHz, once a second.
    private static double TruthHz(double secondsIntoVoice) => VoiceHz * Math.Pow(2, 0.5 * Math.Sin(2 * Math.PI * secondsIntoVoice) / 12);

    private static float[] VoiceInNoise(string kind, double snrDb, int seed = 5)
    {
        float[] voice = Voices.Harmonic(TruthHz, VoiceSeconds);
        double noiseRms = Signals.Rms(voice) / Math.Pow(10, snrDb / 20);
        int length = (int)((2 * VoiceStartSeconds + VoiceSeconds) * Voices.Rate);
        float[] noise = kind == "pink" ? Voices.PinkNoise(length, noiseRms, seed) : Voices.WhiteNoise(length, noiseRms, seed);
        float[] speech = Voices.Concat(Voices.Silence(VoiceStartSeconds), voice, Voices.Silence(VoiceStartSeconds));
        return Voices.Add(speech[..length], noise);
    }

    private static AudioBuffer Buffer(float[] samples) => new(samples, Voices.Rate);

    private static double VoicedShare(PitchTrack track, double fromSeconds, double toSeconds) =>
        Frames(track, fromSeconds, toSeconds).Average(i => float.IsNaN(track.FrequencyHz[i]) ? 0.0 : 1.0);

    private static IEnumerable<int> Frames(PitchTrack track, double fromSeconds, double toSeconds) =>
        Enumerable.Range(0, track.FrameCount).Where(i => track.TimeSeconds(i) >= fromSeconds && track.TimeSeconds(i) <= toSeconds);

    private static void AssertVoiceFoundAndNoiseLeft(PitchTrack track)
    {
        double from = VoiceStartSeconds + EdgeSeconds, to = VoiceStartSeconds + VoiceSeconds - EdgeSeconds;
        double voiced = VoicedShare(track, from, to);
        Assert.True(voiced > 0.9, $"voice in noise: {voiced:P0} of frames voiced");
        var voicedFrames = Frames(track, from, to).Where(i => !float.IsNaN(track.FrequencyHz[i])).ToArray();
        double accurate = voicedFrames.Average(i =>
            Math.Abs(1200 * Math.Log2(track.FrequencyHz[i] / TruthHz(track.TimeSeconds(i) - VoiceStartSeconds))) <= 50 ? 1.0 : 0.0);
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
        AssertVoiceFoundAndNoiseLeft(YinPitchTracker.TrackRefined(Buffer(VoiceInNoise(kind, snrDb)), PitchTrackerOptions.Default));

    [SkippableFact]
    public void SwiftF0_keeps_a_voice_in_pink_noise_at_0_dB_voiced()
    {
        using var sessions = new OnnxSessions();
        var model = sessions.Get(SharedData.Require("models/swift-f0/model.onnx"));
        AssertVoiceFoundAndNoiseLeft(SwiftF0PitchTracker.Track(Buffer(VoiceInNoise("pink", 0)), PitchTrackerOptions.Default, model));
    }

    [Fact]
    public void Voicing_probability_is_high_in_the_voice_and_low_in_the_noise()
    {
        PitchTrack track = YinPitchTracker.Track(Buffer(VoiceInNoise("pink", 5)), PitchTrackerOptions.Default);
        double inVoice = Frames(track, VoiceStartSeconds + EdgeSeconds, VoiceStartSeconds + VoiceSeconds - EdgeSeconds)
            .Average(i => track.VoicingProbability[i]);
        double inNoise = Frames(track, 0, VoiceStartSeconds - EdgeSeconds).Average(i => track.VoicingProbability[i]);
        Assert.True(inVoice > 0.6 && inNoise < 0.4, $"mean voicing probability {inVoice:F2} in the voice, {inNoise:F2} in the noise");
    }

    [Fact]
    public void A_steady_voice_without_pauses_is_voiced_throughout()
    {
        // No pause means no noise floor to measure: the level gate must not turn the whole recording unvoiced.
        PitchTrack track = YinPitchTracker.TrackRefined(Buffer(Voices.Harmonic(_ => 220, 2.0)), PitchTrackerOptions.Default);
        Assert.True(VoicedShare(track, 0.05, 1.95) > 0.98);
    }

    [Fact]
    public void Voicing_in_noise_does_not_depend_on_the_recording_level()
    {
        // The noise floor is measured per recording, so a quiet phone recording and a loud one are voiced alike.
        float[] loud = VoiceInNoise("pink", 5);
        float[] quiet = loud.Select(s => s * 0.01f).ToArray(); // 40 dB quieter
        PitchTrack a = YinPitchTracker.TrackRefined(Buffer(loud), PitchTrackerOptions.Default);
        PitchTrack b = YinPitchTracker.TrackRefined(Buffer(quiet), PitchTrackerOptions.Default);
        Assert.Equal(a.FrameCount, b.FrameCount);
        double same = Enumerable.Range(0, a.FrameCount)
            .Average(i => float.IsNaN(a.FrequencyHz[i]) == float.IsNaN(b.FrequencyHz[i]) ? 1.0 : 0.0);
        Assert.True(same > 0.99, $"voiced/unvoiced calls agree on {same:P1} of frames");
        AssertVoiceFoundAndNoiseLeft(b);
    }

    [Fact]
    public void Get_VoiceFeature_measures_the_voice_and_not_the_noise_in_a_44_1_kHz_recording()
    {
        // Through the whole feature extractor, resampling included: the mean pitch is the voice's, and the voiced
        // share is the voice's share of the recording (1.5 s of 3.5 s), not the noise's.
        float[] samples16k = VoiceInNoise("pink", 5);
        AudioBuffer recording = SincResampler.Resample(Buffer(samples16k), 44100);
        var features = VoiceFeatureExtractor.Analyze(recording, "voice-in-pink-noise.wav", new() { Vad = VadMethod.Energy });
        double voiceShare = VoiceSeconds / (2 * VoiceStartSeconds + VoiceSeconds);
        Assert.InRange(features.VoicedFraction, voiceShare - 0.06, voiceShare + 0.02);
        Assert.InRange(features.Pitch, VoiceHz * 0.98, VoiceHz * 1.02);
        Assert.InRange(features.PitchStdSemitones, 0.1, 0.6); // the glide's own spread is 0.35 semitone
    }
}

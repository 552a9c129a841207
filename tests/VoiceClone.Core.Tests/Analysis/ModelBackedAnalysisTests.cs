using Microsoft.ML.OnnxRuntime;
using VoiceClone.Core.Analysis.Activity;
using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Models;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Analysis;

/// <summary>SwiftF0 and Silero VAD through ONNX Runtime, on the models and data in ../shared.</summary>
public sealed class ModelBackedAnalysisTests : IDisposable
{
    private readonly OnnxSessions _sessions = new();

    public void Dispose() => _sessions.Dispose();

    private InferenceSession Model(string relativePath) => _sessions.Get(SharedData.Require(relativePath));

    [SkippableFact]
    public void SwiftF0_finds_the_pitch_of_a_synthetic_voice_and_of_real_speech()
    {
        InferenceSession model = Model("models/swift-f0/model.onnx");
        PitchTrack synthetic = SwiftF0PitchTracker.Track(new AudioBuffer(Voices.Harmonic(_ => 200, 1.0), Voices.Rate), PitchTrackerOptions.Default, model);
        double median = synthetic.FrequencyHz.Where(f => !float.IsNaN(f)).Order().ElementAt(synthetic.FrequencyHz.Count(f => !float.IsNaN(f)) / 2);
        Assert.InRange(median, 196, 204);

        string wav = SharedData.Require("data/fda/rl001.wav");
        double[] reference = File.ReadAllLines(Path.ChangeExtension(wav, ".f0ref")).Select(double.Parse).ToArray();
        PitchTrack track = SwiftF0PitchTracker.Track(WavReader.ReadMono(wav), PitchTrackerOptions.Default, model);
        int both = 0, close = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            double ours = track.FrequencyAt(i * 0.015);
            if (reference[i] <= 0 || double.IsNaN(ours)) continue;
            both++;
            if (Math.Abs(1200 * Math.Log2(ours / reference[i])) <= 50) close++;
        }
        Assert.True(both > 20 && (double)close / both > 0.75, $"{close}/{both} frames within 50 cents");
    }

    [SkippableFact]
    public void Refined_SwiftF0_follows_fast_intonation_closer_than_the_network_output()
    {
        InferenceSession model = Model("models/swift-f0/model.onnx");
        // 8 semitones per second up and down: intonation as fast as FDA's hardest frames.
        static double TruthHz(double t) => 150 * Math.Pow(2, 8.0 / 12 * Math.Sin(2 * Math.PI * 1.5 * t) / 2);
        var audio = new AudioBuffer(Voices.Harmonic(TruthHz, 1.5), Voices.Rate);
        double MeanCentsOff(PitchTrack track) => Enumerable.Range(20, 100).Select(i => i * 0.01)
            .Select(t => Math.Abs(1200 * Math.Log2(track.FrequencyAt(t) / TruthHz(t)))).Where(c => !double.IsNaN(c)).Average();
        double raw = MeanCentsOff(SwiftF0PitchTracker.TrackRaw(audio, PitchTrackerOptions.Default, model));
        double refined = MeanCentsOff(SwiftF0PitchTracker.Track(audio, PitchTrackerOptions.Default, model));
        Assert.True(refined < raw && refined < 15, $"refined {refined:F1} cents off, network output {raw:F1}");
    }

    [SkippableFact]
    public void SwiftF0_survives_garbage_collections_during_inference()
    {
        InferenceSession model = Model("models/swift-f0/model.onnx");
        // Everything ONNX Runtime reads during Run must stay reachable: a collection that finalizes it mid-run kills the
        // process. Enough runs for the JIT to optimise the tracker, which is when lifetimes end early.
        using var stop = new CancellationTokenSource();
        var collector = new Thread(() => { while (!stop.IsCancellationRequested) { GC.Collect(); GC.WaitForPendingFinalizers(); } }) { IsBackground = true };
        collector.Start();
        var voicedFrames = new List<int>();
        for (int run = 0; run < 120; run++)
        {
            var audio = new AudioBuffer(Voices.Harmonic(_ => 180, 0.5 + run % 5 * 0.125), Voices.Rate);
            voicedFrames.Add(SwiftF0PitchTracker.TrackRaw(audio, PitchTrackerOptions.Default, model).FrequencyHz.Count(f => !float.IsNaN(f)));
        }
        stop.Cancel();
        collector.Join();
        Assert.All(voicedFrames, count => Assert.True(count > 0));
        Assert.Equal(voicedFrames.Take(5), voicedFrames.Skip(115));
    }

    [SkippableFact]
    public void Silero_finds_where_speech_starts_and_ends()
    {
        InferenceSession model = Model("models/silero-vad/silero_vad.onnx");
        string wav = SharedData.Require("data/librispeech/1688-142285-0000.wav");
        float[] speech = WavReader.ReadMono(wav).Samples;
        float[] padded = Voices.Concat(Voices.Silence(1.0), speech, Voices.Silence(1.0));
        int frames = padded.Length / 160 + 1;
        bool[] mask = SileroVoiceActivityDetector.Detect(padded, frames, 0.01, model);
        int first = Array.IndexOf(mask, true), last = Array.LastIndexOf(mask, true);
        Assert.InRange(first * 0.01, 0.95, 1.6);
        Assert.InRange(last * 0.01, 1.0 + speech.Length / 16000.0 - 0.8, 1.0 + speech.Length / 16000.0 + 0.1);
        Assert.False(mask.Take(90).Any(m => m), "the leading second of silence is not speech");
    }
}

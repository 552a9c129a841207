using VoiceClone.Core.Analysis;
using VoiceClone.Core.Analysis.Activity;
using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Models;
using VoiceClone.Core.Tests.Support;
using VoiceClone.Core.Tests.Telemetry;

namespace VoiceClone.Core.Tests.Models;

/// <summary>SwiftF0 and Silero VAD through ONNX Runtime, on the models and data in ../shared.</summary>
[Collection(ModuleLogCollection.Name)]
public sealed class ModelBackedAnalysisTests : IDisposable
{
    private readonly string? _savedModels = Environment.GetEnvironmentVariable(ModelLocator.EnvironmentVariable);

    public void Dispose() => Environment.SetEnvironmentVariable(ModelLocator.EnvironmentVariable, _savedModels);

    [SkippableFact]
    public void SwiftF0_finds_the_pitch_of_a_synthetic_voice_and_of_real_speech()
    {
        string model = SharedData.Require("models/swift-f0/model.onnx");
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
        string model = SharedData.Require("models/swift-f0/model.onnx");
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
        string model = SharedData.Require("models/swift-f0/model.onnx");
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
        string model = SharedData.Require("models/silero-vad/silero_vad.onnx");
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

    [SkippableFact]
    public void Auto_uses_Silero_when_the_model_is_found_and_energy_otherwise()
    {
        string models = SharedData.Require("models");
        float[] x = Voices.Concat(Voices.Silence(0.5), Voices.Harmonic(_ => 150, 1.0), Voices.Silence(0.5));
        Environment.SetEnvironmentVariable(ModelLocator.EnvironmentVariable, models);
        Assert.Equal("Silero", VoiceFeatureExtractor.Analyze(new AudioBuffer(x, Voices.Rate), "x.wav", new()).VadMethod);
        Assert.Equal("SwiftF0", VoiceFeatureExtractor.Analyze(new AudioBuffer(x, Voices.Rate), "x.wav", new() { PitchAlgorithm = PitchAlgorithm.SwiftF0 }).PitchAlgorithm);
        Environment.SetEnvironmentVariable(ModelLocator.EnvironmentVariable, Path.Combine(models, "no-such-folder"));
        ModelLocator.ModuleRoot = null;
        Assert.Equal("Energy", VoiceFeatureExtractor.Analyze(new AudioBuffer(x, Voices.Rate), "x.wav", new()).VadMethod);
    }

    [SkippableFact]
    public void One_warm_session_per_model_is_shared_and_released()
    {
        string model = SharedData.Require("models/swift-f0/model.onnx");
        var sessions = Enumerable.Range(0, 8).AsParallel().Select(_ => OnnxSessionCache.Get(model)).Distinct().ToArray();
        Assert.Single(sessions);
        OnnxSessionCache.DisposeAll();
        Assert.Equal(0, OnnxSessionCache.Count);
        Assert.NotSame(sessions[0], OnnxSessionCache.Get(model));
    }

    [Fact]
    public void A_damaged_model_file_is_a_clear_error_and_is_not_cached()
    {
        string folder = Directory.CreateTempSubdirectory("voiceclone-badmodel-").FullName;
        string path = Path.Combine(folder, "model.onnx");
        File.WriteAllText(path, "not an onnx graph");
        try
        {
            Assert.Equal("ModelFileMissing", Assert.Throws<VoiceCloneException>(() => OnnxSessionCache.Get(path)).ErrorId);
            Assert.Equal("ModelFileMissing", Assert.Throws<VoiceCloneException>(() => OnnxSessionCache.Get(path)).ErrorId);
            Assert.False(OnnxSessionCache.Contains(path), "a failed load is not cached");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_missing_model_is_ModelFileMissing_listing_every_place_searched()
    {
        Environment.SetEnvironmentVariable(ModelLocator.EnvironmentVariable, "/nonexistent/models");
        var e = Assert.Throws<VoiceCloneException>(() =>
            VoiceFeatureExtractor.Analyze(new AudioBuffer(Voices.Harmonic(_ => 150, 1.0), Voices.Rate), "x.wav", new() { PitchAlgorithm = PitchAlgorithm.SwiftF0 }));
        Assert.Equal("ModelFileMissing", e.ErrorId);
        Assert.Contains("/nonexistent/models", e.Message);
        Assert.Contains(Path.Combine("VoiceClone", "models"), e.Message);
    }
}

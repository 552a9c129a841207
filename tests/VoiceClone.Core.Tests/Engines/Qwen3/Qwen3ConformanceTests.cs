using System.Text.Json;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Engines.Qwen3;
using VoiceClone.Core.Models;
using VoiceClone.Core.Tests.Support;
using Xunit.Abstractions;

namespace VoiceClone.Core.Tests.Engines.Qwen3;

/// <summary>
/// The C# Qwen3-TTS pipeline against the tiny random-weight fixture's recorded outputs (../shared/fixtures/qwen3-tts-tiny):
/// given the recorded prompt ids, the speaker embedding, reference codes and every code sequence must be reproduced
/// exactly, greedy and with the recorded uniforms, and the waveforms within 1e-4.
/// </summary>
public sealed class Qwen3ConformanceTests(ITestOutputHelper output)
{
    private const string Fixture = "fixtures/qwen3-tts-tiny";
    // The recorded runs allowed 48 new frames; every case stops by EOS well before.
    private const int MaxFrames = 48;

    // One session store for the class, as the runtime keeps one for the module.
    private static readonly OnnxSessions Sessions = new();

    private sealed record Loaded(Qwen3Graphs Graphs, JsonElement Cases, float[] ReferenceAudio, string Folder);

    private static Loaded Load()
    {
        string folder = SharedData.Require(Fixture);
        var graphs = new Qwen3Graphs(Qwen3Model.Load(folder, Sessions));
        JsonElement cases = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "reference", "cases.json"))).RootElement;
        float[] audio = WavReader.ReadMono(Path.Combine(folder, "reference", "ref_audio_24k.wav")).Samples;
        return new Loaded(graphs, cases, audio, folder);
    }

    private static long[] Longs(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt64()).ToArray();
    private static List<long[]> Frames(JsonElement e) => e.EnumerateArray().Select(Longs).ToList();

    [SkippableFact]
    public void Speaker_embedding_and_reference_codes_match_the_recording()
    {
        Loaded f = Load();
        float[] embedding = f.Graphs.SpeakerEmbedding(f.ReferenceAudio);
        double[] expected = f.Cases.GetProperty("speaker_embedding").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        double maxDiff = embedding.Zip(expected, (a, b) => Math.Abs(a - b)).Max();
        output.WriteLine($"speaker embedding: max abs difference {maxDiff:E2} over {embedding.Length} values");
        Assert.True(maxDiff < 1e-5, $"max abs difference {maxDiff}");

        List<long[]> codes = f.Graphs.EncodeReference(f.ReferenceAudio);
        List<long[]> recorded = Frames(f.Cases.GetProperty("ref_codes"));
        Assert.Equal(recorded.Count, codes.Count); // 39 frames: three 1 s chunks of 13
        for (int i = 0; i < codes.Count; i++) Assert.Equal(recorded[i], codes[i]);
    }

    public static TheoryData<string> CaseNames() =>
    [
        "short_xvector_streaming", "short_xvector_nonstreaming", "short_icl_streaming", "short_icl_nonstreaming",
        "long_xvector_streaming", "long_xvector_nonstreaming", "long_icl_streaming", "long_icl_nonstreaming",
    ];

    [SkippableTheory]
    [MemberData(nameof(CaseNames))]
    public void Greedy_codes_are_identical_and_the_waveform_within_1e4(string name)
    {
        Loaded f = Load();
        JsonElement c = f.Cases.GetProperty("cases").GetProperty(name);
        Qwen3Generation result = Generate(f, c, new Qwen3SamplingOptions { Temperature = 0 }, new RecordedUniformSource([]));
        AssertSameRun(f, c, result, name);
    }

    [SkippableTheory]
    [InlineData("sample_short_xvector_streaming")]
    [InlineData("sample_short_icl_nonstreaming")]
    public void Sampling_with_the_recorded_uniforms_reproduces_codes_and_draw_count(string name)
    {
        Loaded f = Load();
        JsonElement c = f.Cases.GetProperty("sampling_cases").GetProperty(name);
        JsonElement p = c.GetProperty("params");
        var sampling = new Qwen3SamplingOptions
        {
            Temperature = p.GetProperty("temperature").GetDouble(), TopK = p.GetProperty("top_k").GetInt32(),
            RepetitionPenalty = p.GetProperty("repetition_penalty").GetDouble(), MinNewTokens = p.GetProperty("min_new_tokens").GetInt32(),
            SubtalkerTemperature = p.GetProperty("subtalker_temperature").GetDouble(), SubtalkerTopK = p.GetProperty("subtalker_top_k").GetInt32(),
        };
        var uniforms = new RecordedUniformSource(c.GetProperty("uniforms").EnumerateArray().Select(u => u.GetDouble()).ToArray());
        Qwen3Generation result = Generate(f, c, sampling, uniforms, p.GetProperty("max_new_tokens").GetInt32());
        Assert.Equal(c.GetProperty("num_uniforms_consumed").GetInt32(), result.UniformsConsumed);
        AssertSameRun(f, c, result, name);
    }

    private static Qwen3Generation Generate(Loaded f, JsonElement c, Qwen3SamplingOptions sampling, IUniformSource uniforms, int maxFrames = MaxFrames)
    {
        bool icl = c.GetProperty("mode").GetString() == "icl";
        string text = c.GetProperty("text").GetString()!;
        JsonElement ids = f.Cases.GetProperty("token_ids");
        long[] inputIds = Longs(ids.GetProperty(text == f.Cases.GetProperty("texts").GetProperty("short").GetString() ? "short_prompt" : "long_prompt"));
        if (c.TryGetProperty("input_ids", out JsonElement recordedIds)) Assert.Equal(Longs(recordedIds), inputIds);
        var voice = new Qwen3Voice(f.Graphs.SpeakerEmbedding(f.ReferenceAudio))
        {
            ReferenceCodes = icl ? f.Graphs.EncodeReference(f.ReferenceAudio) : null,
            ReferenceTextIds = icl ? Longs(ids.GetProperty("ref_prompt")) : null,
        };
        return new Qwen3Generator(f.Graphs).Generate(inputIds, voice, c.GetProperty("language").GetString()!,
            c.GetProperty("non_streaming_mode").GetBoolean(), sampling, uniforms, maxFrames, CancellationToken.None);
    }

    private void AssertSameRun(Loaded f, JsonElement c, Qwen3Generation result, string name)
    {
        List<long[]> expected = Frames(c.GetProperty("codes"));
        Assert.Equal(c.GetProperty("stop_reason").GetString(), result.StopReason);
        Assert.Equal(expected.Count, result.Codes.Count);
        for (int i = 0; i < expected.Count; i++) Assert.Equal(expected[i], result.Codes[i]);
        Assert.Equal(c.GetProperty("icl_cut_samples").GetInt32(), result.CutSamples);
        float[] wave = WavReader.ReadMono(Path.Combine(f.Folder, c.GetProperty("wav_file").GetString()!)).Samples;
        Assert.Equal(wave.Length, result.Waveform.Length);
        double maxDiff = wave.Zip(result.Waveform, (a, b) => Math.Abs(a - b)).DefaultIfEmpty(0).Max();
        output.WriteLine($"{name}: {result.Codes.Count} frames, stop {result.StopReason}, waveform max abs difference {maxDiff:E2}, " +
            $"loop {result.LoopTime.TotalMilliseconds:F1} ms of which Run {result.LoopRunTime.TotalMilliseconds:F1} ms (overhead {result.OverheadFraction:P1})");
        Assert.True(maxDiff <= 1e-4, $"waveform max abs difference {maxDiff}");
    }
}

using System.Text.Json;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Engines.Qwen3;
using VoiceClone.Core.Tests.Engines.Qwen3;

namespace VoiceClone.Core.Tests.Support;

/// <summary>The recorded cases of ../shared/fixtures/qwen3-tts-tiny (reference/cases.json), run on any graphs that fit them.</summary>
internal sealed class Qwen3FixtureCases
{
    public const string Fixture = "fixtures/qwen3-tts-tiny";
    /// <summary>The recorded runs allowed 48 new frames; every case stops by EOS well before.</summary>
    public const int MaxFrames = 48;

    public static readonly string[] GreedyCases =
    [
        "short_xvector_streaming", "short_xvector_nonstreaming", "short_icl_streaming", "short_icl_nonstreaming",
        "long_xvector_streaming", "long_xvector_nonstreaming", "long_icl_streaming", "long_icl_nonstreaming",
    ];

    public Qwen3FixtureCases(string folder)
    {
        Folder = folder;
        Cases = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "reference", "cases.json"))).RootElement;
        ReferenceAudio = WavReader.ReadMono(Path.Combine(folder, "reference", "ref_audio_24k.wav")).Samples;
    }

    public string Folder { get; }
    public JsonElement Cases { get; }
    public float[] ReferenceAudio { get; }

    public static long[] Longs(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt64()).ToArray();

    public JsonElement Case(string name) => Cases.GetProperty("cases").GetProperty(name);

    /// <summary>A recorded greedy case on <paramref name="graphs"/>, each token choice reported to <paramref name="onDecision"/>.</summary>
    public Qwen3Generation RunGreedy(Qwen3Graphs graphs, string name, Action<Qwen3Decision>? onDecision = null)
    {
        JsonElement c = Case(name);
        bool icl = c.GetProperty("mode").GetString() == "icl";
        JsonElement ids = Cases.GetProperty("token_ids");
        bool isShort = c.GetProperty("text").GetString() == Cases.GetProperty("texts").GetProperty("short").GetString();
        var voice = new Qwen3Voice(graphs.SpeakerEmbedding(ReferenceAudio))
        {
            ReferenceCodes = icl ? graphs.EncodeReference(ReferenceAudio) : null,
            ReferenceTextIds = icl ? Longs(ids.GetProperty("ref_prompt")) : null,
        };
        long[] prompt = Longs(ids.GetProperty(isShort ? "short_prompt" : "long_prompt"));
        return new Qwen3Generator(graphs) { OnDecision = onDecision }.Generate(prompt, voice, c.GetProperty("language").GetString()!,
            c.GetProperty("non_streaming_mode").GetBoolean(), new Qwen3SamplingOptions { Temperature = 0 }, new RecordedUniformSource([]),
            MaxFrames, CancellationToken.None);
    }
}

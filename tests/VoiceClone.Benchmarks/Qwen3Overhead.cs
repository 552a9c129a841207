using System.Text.Json;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Engines.Qwen3;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Benchmarks;

/// <summary>
/// Orchestration overhead of the Qwen3-TTS frame loop on the tiny fixture: time outside InferenceSession.Run relative
/// to time inside it, greedy and sampled, after warm-up (tiered JIT settled), averaged over repeated runs; for the
/// fixture's float32 graphs and for the float16-I/O and int4 variants derived from them (needs Python's onnx package).
/// </summary>
internal static class Qwen3Overhead
{
    public static int Run(string fixture, int repeats = 20)
    {
        if (!Directory.Exists(fixture)) { Console.WriteLine($"skipped: {fixture} not found"); return 0; }
        var models = new List<string> { fixture };
        string? python = Qwen3FixtureVariants.FindPython(out string missing), variants = null;
        if (python is null)
        {
            Console.WriteLine($"float16 and int4 rows skipped: {missing}");
        }
        else
        {
            variants = Directory.CreateTempSubdirectory("voiceclone-qwen3-bench-").FullName;
            Qwen3FixtureVariants.Derive(python, fixture, variants, "fp16", "int4");
            models.Add(Path.Combine(variants, "fp16"));
            models.Add(Path.Combine(variants, "int4"));
        }
        JsonElement cases = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(fixture, "reference", "cases.json"))).RootElement;
        float[] audio = WavReader.ReadMono(Path.Combine(fixture, "reference", "ref_audio_24k.wav")).Samples;
        long[] Ids(string key) => cases.GetProperty("token_ids").GetProperty(key).EnumerateArray().Select(x => x.GetInt64()).ToArray();
        var legend = new List<string>();
        Console.WriteLine($"| precision | run ({repeats} repeats after warm-up, long text) | frames | loop ms | inside Run ms | " +
            "overhead |");
        Console.WriteLine("|---|---|---|---|---|---|");
        try
        {
            foreach (string model in models)
            {
                var graphs = new Qwen3Graphs(Qwen3Model.Load(model, BenchModels.Sessions));
                legend.Add(graphs.Model.PrecisionSummary);
                var xvector = new Qwen3Voice(graphs.SpeakerEmbedding(audio));
                var icl = xvector with { ReferenceCodes = graphs.EncodeReference(audio), ReferenceTextIds = Ids("ref_prompt") };
                var generator = new Qwen3Generator(graphs);
                var runs = new[]
                {
                    ("greedy, x-vector, streaming", xvector, true), ("greedy, in-context, streaming", icl, true),
                    ("sampled, x-vector, streaming", xvector, false),
                };
                foreach (var (name, voice, greedy) in runs)
                {
                    var sampling = greedy ? new Qwen3SamplingOptions { Temperature = 0 } : new Qwen3SamplingOptions();
                    Qwen3Generation Once(int seed) => generator.Generate(Ids("long_prompt"), voice, "english", nonStreaming: false,
                        sampling, new SeededUniformSource(seed), 48, CancellationToken.None);
                    for (int i = 0; i < 30; i++) Once(i); // warm-up: let tiered compilation reach its optimised code
                    double loop = 0, run = 0;
                    int frames = 0;
                    for (int i = 0; i < repeats; i++)
                    {
                        Qwen3Generation g = Once(i);
                        loop += g.LoopTime.TotalMilliseconds;
                        run += g.LoopRunTime.TotalMilliseconds;
                        frames += g.Codes.Count;
                    }
                    Console.WriteLine($"| {graphs.Model.Precision} | {name} | {frames / (double)repeats:F1} | {loop / repeats:F1} | " +
                        $"{run / repeats:F1} | {(loop - run) / run:P1} |");
                }
            }
        }
        finally
        {
            if (variants is not null) Directory.Delete(variants, recursive: true);
        }
        Console.WriteLine();
        foreach (string line in legend) Console.WriteLine($"- {line}");
        return 0;
    }
}

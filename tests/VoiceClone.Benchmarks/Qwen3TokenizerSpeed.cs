using System.Diagnostics;
using VoiceClone.Core.Engines.Qwen3;

namespace VoiceClone.Benchmarks;

/// <summary>
/// The Qwen3 text tokenizer on the real vocabulary (../shared/fixtures/qwen3-text-tokenizer): how long building it
/// takes (the engine does it once per model) and how long one 200-character sentence takes to encode, warm.
/// </summary>
internal static class Qwen3TokenizerSpeed
{
    // 200 characters of ordinary English, the engine's largest chunk (Qwen3Engine.MaxChunkCharacters).
    private const string Sentence = "The committee met on Tuesday to discuss the new library, and after a long debate about " +
        "budgets, opening hours and parking, everyone agreed that the children's reading room should open first this July.";

    public static int Run(string folder, int loads = 5, int rounds = 9, int encodes = 500)
    {
        if (!Directory.Exists(folder)) { Console.WriteLine($"skipped: {folder} not found"); return 0; }
        var watch = Stopwatch.StartNew();
        Qwen3TextTokenizer tokenizer = Qwen3TextTokenizer.Load(folder);
        double firstMs = watch.Elapsed.TotalMilliseconds;
        var warmMs = new List<double>();
        for (int i = 0; i < loads; i++)
        {
            watch.Restart();
            tokenizer = Qwen3TextTokenizer.Load(folder);
            warmMs.Add(watch.Elapsed.TotalMilliseconds);
        }
        long[] ids = tokenizer.Encode(Sentence);
        for (int i = 0; i < 1000; i++) tokenizer.SynthesisPrompt(Sentence); // warm-up: tiered compilation
        double encodeUs = MedianMicroseconds(() => tokenizer.Encode(Sentence), rounds, encodes);
        double promptUs = MedianMicroseconds(() => tokenizer.SynthesisPrompt(Sentence), rounds, encodes);
        warmMs.Sort();
        Console.WriteLine($"| Qwen3 tokenizer, real vocabulary | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| load, first in the process (JIT included) | {firstMs:F0} ms |");
        Console.WriteLine($"| load, again (median of {loads}) | {warmMs[loads / 2]:F0} ms |");
        Console.WriteLine($"| encode {Sentence.Length} characters ({ids.Length} tokens), median of {rounds} rounds of {encodes} | " +
            $"{encodeUs:F1} µs |");
        Console.WriteLine($"| the same as a synthesis prompt | {promptUs:F1} µs |");
        return 0;
    }

    /// <summary>The median over rounds of the mean time per call (a median resists the other jobs on a shared machine).</summary>
    private static double MedianMicroseconds(Action call, int rounds, int calls)
    {
        var perCall = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < calls; i++) call();
            perCall[r] = watch.Elapsed.TotalMicroseconds / calls;
        }
        Array.Sort(perCall);
        return perCall[rounds / 2];
    }
}

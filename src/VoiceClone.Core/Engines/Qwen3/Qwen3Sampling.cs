namespace VoiceClone.Core.Engines.Qwen3;

/// <summary>Where sampling gets its uniforms in [0, 1): a seeded generator, or a recorded list in conformance tests.</summary>
public interface IUniformSource
{
    double Next();
}

public sealed class SeededUniformSource(int seed) : IUniformSource
{
    private readonly Random _random = new(seed);
    public double Next() => _random.NextDouble();
}

/// <summary>Sampling settings; the defaults are the official generation_config.json's.</summary>
public sealed record Qwen3SamplingOptions
{
    /// <summary>0 means greedy decoding (argmax) in the talker and the code predictor.</summary>
    public double Temperature { get; init; } = 0.9;
    public int TopK { get; init; } = 50;
    public double RepetitionPenalty { get; init; } = 1.05;
    /// <summary>EOS is masked for this many first steps.</summary>
    public int MinNewTokens { get; init; } = 2;
    public double SubtalkerTemperature { get; init; } = 0.9;
    public int SubtalkerTopK { get; init; } = 50;
    public int MaxNewTokens { get; init; } = 2048;
    public bool Greedy => Temperature == 0;
}

/// <summary>
/// Token choice as the official pipeline makes it: argmax (first index on ties), or top-k sampling by inverse CDF
/// (candidates ordered by descending score then ascending id, softmax in double precision, first cumulative
/// probability above the uniform).
/// </summary>
public static class Qwen3Sampler
{
    public static int ArgMax(ReadOnlySpan<double> scores)
    {
        int best = 0;
        for (int i = 1; i < scores.Length; i++) if (scores[i] > scores[best]) best = i;
        return best;
    }

    /// <summary>The best finite score, and how far it leads the second best (+infinity with fewer than two finite scores).</summary>
    public static (double Best, double Margin) TopTwo(ReadOnlySpan<double> scores)
    {
        double first = double.NegativeInfinity, second = double.NegativeInfinity;
        foreach (double s in scores)
        {
            if (!double.IsFinite(s)) continue;
            if (s > first) (first, second) = (s, first);
            else if (s > second) second = s;
        }
        return (first, double.IsFinite(second) ? first - second : double.PositiveInfinity);
    }

    public static int Sample(ReadOnlySpan<double> scores, double temperature, int topK, double uniform)
    {
        // The k-th largest finite score is the threshold; only the candidates at or above it are sorted.
        double threshold = KthLargestFinite(scores, topK);
        var candidates = new List<(double Z, int Id)>(topK + 8);
        for (int i = 0; i < scores.Length; i++)
            if (double.IsFinite(scores[i]) && scores[i] >= threshold) candidates.Add((scores[i] / temperature, i)); // ties at the threshold are all kept
        candidates.Sort((a, b) => a.Z != b.Z ? b.Z.CompareTo(a.Z) : a.Id.CompareTo(b.Id));
        double zMax = candidates[0].Z, sum = 0;
        var p = new double[candidates.Count];
        for (int i = 0; i < p.Length; i++) sum += p[i] = Math.Exp(candidates[i].Z - zMax);
        double cumulative = 0;
        for (int i = 0; i < p.Length; i++)
        {
            cumulative += p[i] / sum;
            if (uniform < cumulative) return candidates[i].Id;
        }
        return candidates[^1].Id;
    }

    /// <summary>The k-th largest finite value (the smallest finite one when fewer than k are finite), by a size-k min-heap.</summary>
    private static double KthLargestFinite(ReadOnlySpan<double> scores, int k)
    {
        var heap = new PriorityQueue<double, double>(k + 1);
        foreach (double s in scores)
        {
            if (!double.IsFinite(s)) continue;
            if (heap.Count < k) heap.Enqueue(s, s);
            else if (s > heap.Peek()) heap.EnqueueDequeue(s, s);
        }
        return heap.Peek();
    }
}

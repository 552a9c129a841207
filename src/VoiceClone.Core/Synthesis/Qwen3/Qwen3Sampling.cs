namespace VoiceClone.Core.Synthesis.Qwen3;

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

public sealed class RecordedUniformSource(IReadOnlyList<double> uniforms) : IUniformSource
{
    public int Consumed { get; private set; }
    public double Next() => Consumed < uniforms.Count ? uniforms[Consumed++] : throw new InvalidOperationException($"All {uniforms.Count} recorded uniforms were consumed.");
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

    public static int Sample(ReadOnlySpan<double> scores, double temperature, int topK, double uniform)
    {
        var finite = new List<(double Z, int Id)>(scores.Length);
        for (int i = 0; i < scores.Length; i++) if (double.IsFinite(scores[i])) finite.Add((scores[i] / temperature, i));
        finite.Sort((a, b) => a.Z != b.Z ? b.Z.CompareTo(a.Z) : a.Id.CompareTo(b.Id));
        double threshold = finite[Math.Min(topK, finite.Count) - 1].Z;
        int count = finite.Count(c => c.Z >= threshold); // ties at the threshold are all kept
        double zMax = finite[0].Z, sum = 0;
        var p = new double[count];
        for (int i = 0; i < count; i++) sum += p[i] = Math.Exp(finite[i].Z - zMax);
        double cumulative = 0;
        for (int i = 0; i < count; i++)
        {
            cumulative += p[i] / sum;
            if (uniform < cumulative) return finite[i].Id;
        }
        return finite[count - 1].Id;
    }
}

using System.Diagnostics;

namespace VoiceClone.Core.Engines.Qwen3;

/// <summary>What one generation produced, and where its time went.</summary>
public sealed record Qwen3Generation(List<long[]> Codes, string StopReason, float[] Waveform, int CutSamples)
{
    public int UniformsConsumed { get; init; }
    public TimeSpan LoopTime { get; init; }
    /// <summary>Time inside InferenceSession.Run during the frame loop.</summary>
    public TimeSpan LoopRunTime { get; init; }
    public double OverheadFraction => LoopRunTime.TotalSeconds > 0 ? (LoopTime - LoopRunTime).TotalSeconds / LoopRunTime.TotalSeconds : 0;
}

/// <summary>One token choice: frame, code group (0: the talker's), chosen id, best score and its lead over the second best.</summary>
public readonly record struct Qwen3Decision(int Frame, int Group, int Chosen, double Best, double Margin)
{
    public static Qwen3Decision Of(int frame, int group, int chosen, ReadOnlySpan<double> scores)
    {
        var (best, margin) = Qwen3Sampler.TopTwo(scores);
        return new Qwen3Decision(frame, group, chosen, best, margin);
    }
}

/// <summary>
/// Qwen3-TTS generation: talker prefill, then per frame the group-0 code from the talker (repetition penalty, EOS
/// masked for the first steps, control ids suppressed), codes 1..15 from the code predictor, and the next input
/// from the residual embedding plus the next text row; the KV cache passes from one call to the next as OrtValues.
/// Stops on EOS (not a frame) or the budget; decodes, and in in-context mode cuts the reference's share.
/// </summary>
public sealed class Qwen3Generator(Qwen3Graphs graphs)
{
    /// <summary>Called for every token chosen, with the top-2 margin of the scores it came from (diagnostics; none when null).</summary>
    public Action<Qwen3Decision>? OnDecision { get; init; }

    public Qwen3Generation Generate(long[] inputIds, Qwen3Voice voice, string language, bool nonStreaming,
        Qwen3SamplingOptions sampling, IUniformSource uniforms, int maxFrames, CancellationToken cancellation)
    {
        Qwen3Config c = graphs.Model.Config;
        Qwen3Prompt prompt = Qwen3Prompt.Build(graphs, inputIds, voice, language, nonStreaming);
        int h = graphs.Model.Hidden;
        float[] prefill = prompt.Prefill.SelectMany(r => r).ToArray();
        int consumed = 0;
        double Uniform() { consumed++; return uniforms.Next(); }

        var codes = new List<long[]>();
        var seen = new HashSet<int>();
        string stop = "max_frames";
        TimeSpan runBefore = graphs.RunTime;
        long loopStart = Stopwatch.GetTimestamp();
        using (Qwen3TalkerCache talker = graphs.BeginTalker(prompt.Prefill.Count + maxFrames))
        {
            var (scores, hidden) = talker.Step(prefill, prompt.Prefill.Count);
            for (int step = 0; step < maxFrames; step++)
            {
                cancellation.ThrowIfCancellationRequested();
                ProcessGroupZero(scores, c, seen, step, sampling);
                int code0 = sampling.Greedy ? Qwen3Sampler.ArgMax(scores) : Qwen3Sampler.Sample(scores, sampling.Temperature, sampling.TopK, Uniform());
                OnDecision?.Invoke(Qwen3Decision.Of(step, 0, code0, scores));
                if (code0 == c.CodecEos) { stop = "eos"; break; }
                seen.Add(code0);
                long[] frame = PredictRemainingCodes(step, hidden, code0, sampling, Uniform);
                codes.Add(frame);
                if (step == maxFrames - 1) break; // the budget is spent: no next input is needed

                float[] next = graphs.EmbedFrame(frame);
                float[] text = step < prompt.Trailing.Count ? prompt.Trailing[step] : prompt.Pad;
                for (int i = 0; i < h; i++) next[i] += text[i];
                (scores, hidden) = talker.Step(next, 1);
            }
        }
        TimeSpan loopTime = Stopwatch.GetElapsedTime(loopStart), loopRun = graphs.RunTime - runBefore;

        var decodeFrames = voice.InContext ? [.. voice.ReferenceCodes!, .. codes] : codes;
        float[] wave = decodeFrames.Count == 0 ? [] : graphs.Decode(decodeFrames);
        int cut = 0;
        if (voice.InContext && decodeFrames.Count > 0)
        {
            cut = (int)((double)voice.ReferenceCodes!.Count / decodeFrames.Count * wave.Length);
            wave = wave[cut..];
        }
        return new Qwen3Generation(codes, stop, wave, cut) { UniformsConsumed = consumed, LoopTime = loopTime, LoopRunTime = loopRun };
    }

    /// <summary>Repetition penalty once per distinct earlier code; EOS masked for the first steps; control ids other than EOS suppressed.</summary>
    private static void ProcessGroupZero(double[] scores, Qwen3Config c, HashSet<int> seen, int step, Qwen3SamplingOptions sampling)
    {
        foreach (int token in seen) scores[token] = scores[token] > 0 ? scores[token] / sampling.RepetitionPenalty : scores[token] * sampling.RepetitionPenalty;
        if (step < sampling.MinNewTokens) scores[c.CodecEos] = double.NegativeInfinity;
        for (int id = c.CodebookSize; id < scores.Length; id++) if (id != c.CodecEos) scores[id] = double.NegativeInfinity;
    }

    private long[] PredictRemainingCodes(int step, float[] hidden, int code0, Qwen3SamplingOptions sampling, Func<double> uniform)
    {
        int groups = graphs.Model.Config.CodeGroups, codebook = graphs.Model.Config.CodebookSize;
        var frame = new long[groups];
        frame[0] = code0;
        var row = new double[codebook];
        using Qwen3Graphs.CodePredictorFrame predictor = graphs.BeginFrame(hidden, frame);
        for (int j = 1; j < groups; j++)
        {
            predictor.PredictGroup(j, row);
            frame[j] = sampling.Greedy ? Qwen3Sampler.ArgMax(row) : Qwen3Sampler.Sample(row, sampling.SubtalkerTemperature, sampling.SubtalkerTopK, uniform());
            OnDecision?.Invoke(Qwen3Decision.Of(step, j, (int)frame[j], row));
        }
        return frame;
    }
}

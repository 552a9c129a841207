using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using VoiceClone.Core.Models;

namespace VoiceClone.Core.Engines.Qwen3;

/// <summary>
/// The element types of the Qwen3 graphs' inputs and outputs, from their session metadata: which ones this client can
/// use (float32 or float16 values, int64 ids; the talker's presents in the type of the pasts they become), and a
/// description of the precision in use for the logs (float I/O, KV cache, logits, int4 weights, external data).
/// </summary>
internal static class Qwen3TensorTypes
{
    public static TensorElementType[] Inputs(InferenceSession session) =>
        session.InputMetadata.Values.Select(m => m.ElementDataType).ToArray();

    public static TensorElementType[] Outputs(InferenceSession session) =>
        session.OutputMetadata.Values.Select(m => m.ElementDataType).ToArray();

    /// <summary>What makes the graphs unusable for their element types, or null when every type is one this client handles.</summary>
    public static string? Unsupported(Qwen3Model model)
    {
        var problems = new List<string>();
        foreach (var (graph, session) in model.Sessions)
        {
            foreach (var (name, metadata) in session.InputMetadata.Concat(session.OutputMetadata))
            {
                TensorElementType type = metadata.ElementDataType;
                if (type != TensorElementType.Int64 && !OnnxFloatTensors.IsSupported(type))
                    problems.Add($"{graph} {name} is {OnnxFloatTensors.Name(type)}");
            }
        }
        // Presents are written straight into the buffers the next step reads as pasts, so each pair must share a type.
        TensorElementType[] pasts = Inputs(model.Talker)[3..], presents = Outputs(model.Talker)[2..];
        for (int i = 0; i < Math.Min(pasts.Length, presents.Length); i++)
        {
            if (pasts[i] != presents[i])
            {
                string present = OnnxFloatTensors.Name(presents[i]), past = OnnxFloatTensors.Name(pasts[i]);
                problems.Add($"talker_cache present {i} is {present} but past {i} is {past}");
            }
        }
        return problems.Count == 0 ? null
            : $"element types this module cannot use ({string.Join("; ", problems)}); float32 and float16 values and int64 ids work";
    }

    /// <summary>E.g. "float I/O float16, KV cache float16, logits float16, int4 MatMulNBits weights in talker_cache".</summary>
    public static string Describe(Qwen3Model model, IReadOnlyDictionary<string, OnnxFileScan> scans)
    {
        // Embeddings, hidden states, audio and waveforms: every real-valued boundary tensor but the KV cache and the logits.
        var graphsByType = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (graph, session) in model.Sessions)
        {
            IEnumerable<TensorElementType> types = session == model.Talker
                ? Inputs(session).Take(1).Concat(Outputs(session).Skip(1).Take(1))
                : Inputs(session).Concat(Outputs(session));
            foreach (string type in types.Where(t => t != TensorElementType.Int64).Select(OnnxFloatTensors.Name).Distinct())
            {
                if (!graphsByType.TryGetValue(type, out List<string>? graphs)) graphsByType[type] = graphs = [];
                graphs.Add(graph);
            }
        }
        string io = graphsByType.Count == 1 ? graphsByType.Keys.Single()
            : string.Join("; ", graphsByType.Select(p => $"{p.Key} in {string.Join(", ", p.Value)}"));
        var parts = new List<string>
        {
            $"float I/O {io}",
            $"KV cache {OnnxFloatTensors.Name(Inputs(model.Talker)[3])}",
            $"logits {OnnxFloatTensors.Name(Outputs(model.Talker)[0])}",
        };
        string[] int4 = scans.Where(s => s.Value.HasMatMulNBits).Select(s => s.Key).ToArray();
        if (int4.Length > 0) parts.Add($"int4 MatMulNBits weights in {string.Join(", ", int4)}");
        int external = scans.Count(s => s.Value.ExternalDataFiles.Count > 0);
        if (external > 0) parts.Add($"external weight files for {external} of {Qwen3Model.GraphNames.Length} graphs");
        return string.Join(", ", parts);
    }
}

using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using VoiceClone.Core.Models;

namespace VoiceClone.Core.Engines.Qwen3;

/// <summary>
/// Typed calls into the eight graphs. Input and output names and element types come from each session's metadata;
/// float32 tensors are OrtValues over managed arrays (no copies in), float16 ones are converted at the boundary
/// (<see cref="OnnxFloatTensors"/>), and the time spent inside Run is summed for the overhead figure.
/// </summary>
public sealed class Qwen3Graphs(Qwen3Model model)
{
    private long _runTicks;
    private readonly Dictionary<InferenceSession, (TensorElementType[] Inputs, TensorElementType[] Outputs)> _types =
        model.Sessions.Values.Distinct().ToDictionary(s => s, s => (Qwen3TensorTypes.Inputs(s), Qwen3TensorTypes.Outputs(s)));

    /// <summary>The element type of input <paramref name="index"/> of <paramref name="session"/>.</summary>
    internal TensorElementType InputType(InferenceSession session, int index) => _types[session].Inputs[index];

    /// <summary>The element type of output <paramref name="index"/> of <paramref name="session"/>.</summary>
    internal TensorElementType OutputType(InferenceSession session, int index) => _types[session].Outputs[index];

    public Qwen3Model Model => model;

    /// <summary>Time spent inside InferenceSession.Run so far (callers take differences).</summary>
    public TimeSpan RunTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _runTicks));

    public float[] EmbedText(ReadOnlySpan<long> ids) => RunSingle(model.TextEmbed, Long(ids.ToArray(), [1, ids.Length]));

    public float[] EmbedCodec(ReadOnlySpan<long> ids) => RunSingle(model.CodecEmbed, Long(ids.ToArray(), [1, ids.Length]));

    /// <summary>codec_embed(c0) + sum of the code predictor's embeddings of c1..c15: the next talker input for a frame.</summary>
    public float[] EmbedFrame(long[] codes) => RunSingle(model.ResidualEmbed, Long(codes, [1, codes.Length]));

    public float[] SpeakerEmbedding(float[] audio24k) =>
        RunSingle(model.SpeakerEncoder, Float(model.SpeakerEncoder, audio24k, [1, audio24k.Length]));

    /// <summary>
    /// The code predictor for one frame: <see cref="PredictGroup"/> is called once per group with the same hidden state and
    /// codes array, which the caller fills in as codes are chosen; the input tensors wrap those arrays and are reused.
    /// </summary>
    public sealed class CodePredictorFrame : IDisposable
    {
        private readonly Qwen3Graphs _graphs;
        private readonly OrtValue[] _inputs;
        private readonly TensorElementType _logitsType;

        internal CodePredictorFrame(Qwen3Graphs graphs, float[] talkerHidden, long[] codes)
        {
            _graphs = graphs;
            InferenceSession predictor = graphs.Model.CodePredictor;
            _inputs = [graphs.Float(predictor, talkerHidden, [1, talkerHidden.Length]), Long(codes, [1, codes.Length])];
            _logitsType = graphs.OutputType(predictor, 0);
        }

        /// <summary>Copies the logits predicting code <paramref name="group"/> (1-based group, row group-1) into <paramref name="row"/>.</summary>
        public void PredictGroup(int group, Span<double> row)
        {
            using var outputs = _graphs.Run(_graphs.Model.CodePredictor, _inputs);
            int width = (int)outputs[0].GetTensorTypeAndShape().Shape[2]; // exports may pad rows past the codebook
            OnnxFloatTensors.Read(outputs[0], _logitsType, (group - 1) * width, row);
        }

        public void Dispose()
        {
            foreach (OrtValue value in _inputs) value.Dispose();
        }
    }

    public CodePredictorFrame BeginFrame(float[] talkerHidden, long[] codes) => new(this, talkerHidden, codes);

    /// <summary>Reference codes: tok_encoder on fixed chunks (the last zero-padded), every frame of every chunk kept.</summary>
    public List<long[]> EncodeReference(float[] audio24k)
    {
        int chunk = model.EncoderChunkSamples;
        var frames = new List<long[]>();
        for (int start = 0; start < audio24k.Length; start += chunk)
        {
            var block = new float[chunk];
            Array.Copy(audio24k, start, block, 0, Math.Min(chunk, audio24k.Length - start));
            using var input = Float(model.TokEncoder, block, [1, 1, chunk]);
            using var outputs = Run(model.TokEncoder, [input]);
            long[] shape = outputs[0].GetTensorTypeAndShape().Shape;
            ReadOnlySpan<long> codes = outputs[0].GetTensorDataAsSpan<long>();
            for (int f = 0; f < shape[1]; f++) frames.Add(codes.Slice(f * (int)shape[2], (int)shape[2]).ToArray());
        }
        return frames;
    }

    /// <summary>
    /// The waveform of <paramref name="frames"/>: tok_decoder on fixed blocks with no left context; a short last block is
    /// filled cyclically and only its own frames' samples are kept.
    /// </summary>
    public float[] Decode(IReadOnlyList<long[]> frames)
    {
        int block = model.DecoderFrames, groups = model.Config.CodeGroups;
        var wave = new List<float>();
        for (int start = 0; start < frames.Count; start += block)
        {
            int n = Math.Min(block, frames.Count - start);
            var codes = new long[block * groups];
            for (int i = 0; i < block; i++) frames[start + i % n].CopyTo(codes, i * groups);
            using var input = Long(codes, [1, block, groups]);
            using var outputs = Run(model.TokDecoder, [input]);
            float[] samples = OnnxFloatTensors.ToArray(outputs[0], OutputType(model.TokDecoder, 0));
            int perFrame = samples.Length / block;
            wave.AddRange(samples.AsSpan(0, n * perFrame));
        }
        return wave.ToArray();
    }

    /// <summary>A KV cache for one generation of up to <paramref name="capacityTokens"/> prompt rows and frames.</summary>
    public Qwen3TalkerCache BeginTalker(int capacityTokens) => new(this, capacityTokens);

    internal void RunWithBinding(InferenceSession session, OrtIoBinding binding)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            session.RunWithBinding(_runOptions, binding);
        }
        finally
        {
            Interlocked.Add(ref _runTicks, Stopwatch.GetTimestamp() - start);
        }
    }

    private float[] RunSingle(InferenceSession session, OrtValue input)
    {
        using (input)
        using (var outputs = Run(session, [input]))
            return OnnxFloatTensors.ToArray(outputs[0], OutputType(session, 0));
    }

    private readonly RunOptions _runOptions = new();

    private IDisposableReadOnlyCollection<OrtValue> Run(InferenceSession session, IReadOnlyCollection<OrtValue> inputs)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            return session.Run(_runOptions, session.InputNames, inputs, session.OutputNames);
        }
        finally
        {
            Interlocked.Add(ref _runTicks, Stopwatch.GetTimestamp() - start);
        }
    }

    /// <summary>A tensor for the first input of <paramref name="session"/>, in that input's element type.</summary>
    private OrtValue Float(InferenceSession session, float[] data, long[] shape) =>
        OnnxFloatTensors.Create(data, shape, InputType(session, 0));

    private static OrtValue Long(long[] data, long[] shape) => OrtValue.CreateTensorValueFromMemory(data, shape);
}

using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using VoiceClone.Core.Models;

namespace VoiceClone.Core.Engines.Qwen3;

/// <summary>
/// The talker's KV cache for one generation, in two preallocated sets of buffers used in turn: each step reads the
/// past from one set and ORT writes the presents straight into the other through IO binding, so no key/value tensor
/// is allocated, copied or converted per step. The buffers hold the graph's own element type (float32 or float16, as
/// its metadata says) and are pinned, so tensors over them are made by address. Sized for the prompt plus the frame budget.
/// </summary>
public sealed class Qwen3TalkerCache : IDisposable
{
    private readonly Qwen3Graphs _graphs;
    private readonly Qwen3Model _model;
    private readonly byte[][][] _sets;
    private readonly OrtIoBinding _binding;
    private readonly TensorElementType _embedsType, _kvType, _logitsType, _hiddenType;
    private readonly int _rowBytes;
    private readonly int _capacity;
    private int _length;
    private int _current;
    private IDisposableReadOnlyCollection<OrtValue>? _outputs;

    internal Qwen3TalkerCache(Qwen3Graphs graphs, int capacityTokens)
    {
        _graphs = graphs;
        _model = graphs.Model;
        _capacity = capacityTokens;
        _embedsType = graphs.InputType(_model.Talker, 0);
        _kvType = graphs.InputType(_model.Talker, 3);
        _logitsType = graphs.OutputType(_model.Talker, 0);
        _hiddenType = graphs.OutputType(_model.Talker, 1);
        _rowBytes = _model.KvHeads * _model.HeadDim * OnnxFloatTensors.ElementBytes(_kvType);
        _sets = [Allocate(), Allocate()];
        _binding = _model.Talker.CreateIoBinding();
    }

    // Pinned (on the pinned object heap) so that an address taken once stays valid for every step.
    private byte[][] Allocate() => Enumerable.Range(0, _model.PastInputs)
        .Select(_ => GC.AllocateUninitializedArray<byte>(_capacity * _rowBytes, pinned: true)).ToArray();

    /// <summary>Tokens held so far.</summary>
    public int Length => _length;

    /// <summary>Runs <paramref name="rows"/> new rows through the talker; returns the last row's logits (as double) and hidden state.</summary>
    public (double[] Scores, float[] Hidden) Step(float[] embeds, int rows)
    {
        if (_length + rows > _capacity) throw new InvalidOperationException($"The talker cache holds {_capacity} tokens; {_length + rows} were asked for.");
        var positions = new long[3 * rows];
        for (int axis = 0; axis < 3; axis++)
            for (int i = 0; i < rows; i++) positions[axis * rows + i] = _length + i;
        var mask = new long[_length + rows];
        Array.Fill(mask, 1L);
        var owned = new List<OrtValue>
        {
            OnnxFloatTensors.Create(embeds, [1, rows, _model.Hidden], _embedsType),
            OrtValue.CreateTensorValueFromMemory(positions, [3, 1, rows]),
            OrtValue.CreateTensorValueFromMemory(mask, [1, mask.Length]),
        };
        try
        {
            IReadOnlyList<string> inputs = _model.Talker.InputNames, outputs = _model.Talker.OutputNames;
            for (int i = 0; i < 3; i++) _binding.BindInput(inputs[i], owned[i]);
            // Output values come back in binding order: logits and hidden state first, then the presents.
            _binding.BindOutputToDevice(outputs[0], OrtMemoryInfo.DefaultInstance);
            _binding.BindOutputToDevice(outputs[1], OrtMemoryInfo.DefaultInstance);
            byte[][] past = _sets[_current], present = _sets[1 - _current];
            for (int i = 0; i < _model.PastInputs; i++)
            {
                OrtValue pastValue = KeyValues(past[i], _length), presentValue = KeyValues(present[i], _length + rows);
                owned.Add(pastValue);
                owned.Add(presentValue);
                _binding.BindInput(inputs[3 + i], pastValue); // presents pair with pasts by position
                _binding.BindOutput(outputs[2 + i], presentValue);
            }
            _graphs.RunWithBinding(_model.Talker, _binding);
            _outputs?.Dispose();
            _outputs = _binding.GetOutputValues();
        }
        finally
        {
            foreach (OrtValue value in owned) value.Dispose();
        }
        _current = 1 - _current;
        _length += rows;
        return LastRow(rows);
    }

    /// <summary>A [1, kv heads, tokens, head size] tensor over the first <paramref name="tokens"/> rows of a pinned buffer.</summary>
    private OrtValue KeyValues(byte[] buffer, int tokens) =>
        OrtValue.CreateTensorValueWithData(OrtMemoryInfo.DefaultInstance, _kvType, [1, _model.KvHeads, tokens, _model.HeadDim],
            Marshal.UnsafeAddrOfPinnedArrayElement(buffer, 0), (long)tokens * _rowBytes);

    private (double[] Scores, float[] Hidden) LastRow(int rows)
    {
        int vocabulary = (int)(_outputs![0].GetTensorTypeAndShape().ElementCount / rows);
        var scores = new double[vocabulary];
        OnnxFloatTensors.Read(_outputs[0], _logitsType, (rows - 1) * vocabulary, scores);
        var hidden = new float[_model.Hidden];
        OnnxFloatTensors.Read(_outputs[1], _hiddenType, (rows - 1) * _model.Hidden, hidden);
        return (scores, hidden);
    }

    public void Dispose()
    {
        _outputs?.Dispose();
        _binding.Dispose();
    }
}

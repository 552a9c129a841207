using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;

namespace VoiceClone.Core.Engines.Qwen3;

/// <summary>
/// The talker's KV cache for one generation, in two preallocated sets of buffers used in turn: each step reads the
/// past from one set and ORT writes the presents straight into the other through IO binding, so no key/value tensor
/// is allocated or copied per step. Sized for the prompt plus the frame budget.
/// </summary>
public sealed class Qwen3TalkerCache : IDisposable
{
    private readonly Qwen3Graphs _graphs;
    private readonly Qwen3Model _model;
    private readonly float[][][] _sets;
    private readonly OrtIoBinding _binding;
    private readonly int _rowFloats;
    private readonly int _capacity;
    private int _length;
    private int _current;
    private IDisposableReadOnlyCollection<OrtValue>? _outputs;

    internal Qwen3TalkerCache(Qwen3Graphs graphs, int capacityTokens)
    {
        _graphs = graphs;
        _model = graphs.Model;
        _capacity = capacityTokens;
        _rowFloats = _model.KvHeads * _model.HeadDim;
        _sets = [Allocate(), Allocate()];
        _binding = _model.Talker.CreateIoBinding();
    }

    private float[][] Allocate() => Enumerable.Range(0, _model.PastInputs).Select(_ => new float[_capacity * _rowFloats]).ToArray();

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
            OrtValue.CreateTensorValueFromMemory(embeds, [1, rows, _model.Hidden]),
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
            float[][] past = _sets[_current], present = _sets[1 - _current];
            for (int i = 0; i < _model.PastInputs; i++)
            {
                var pastValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, past[i].AsMemory(0, _length * _rowFloats), [1, _model.KvHeads, _length, _model.HeadDim]);
                var presentValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, present[i].AsMemory(0, (_length + rows) * _rowFloats), [1, _model.KvHeads, _length + rows, _model.HeadDim]);
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

    private (double[] Scores, float[] Hidden) LastRow(int rows)
    {
        ReadOnlySpan<float> logits = _outputs![0].GetTensorDataAsSpan<float>();
        int vocabulary = logits.Length / rows;
        var scores = new double[vocabulary];
        ReadOnlySpan<float> last = logits.Slice((rows - 1) * vocabulary, vocabulary);
        for (int i = 0; i < vocabulary; i++) scores[i] = last[i];
        float[] hidden = _outputs[1].GetTensorDataAsSpan<float>().Slice((rows - 1) * _model.Hidden, _model.Hidden).ToArray();
        return (scores, hidden);
    }

    public void Dispose()
    {
        _outputs?.Dispose();
        _binding.Dispose();
    }
}

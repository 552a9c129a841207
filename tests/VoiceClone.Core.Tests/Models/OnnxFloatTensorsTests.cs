using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using VoiceClone.Core.Models;

namespace VoiceClone.Core.Tests.Models;

public sealed class OnnxFloatTensorsTests
{
    private static readonly float[] Values = [0f, 1f, -2.5f, 1e-3f, 65504f, 3.14159265f, -1e-6f, 0.1f];

    [Fact]
    public void Float32_tensors_wrap_the_array_and_read_back_unchanged()
    {
        using OrtValue tensor = OnnxFloatTensors.Create(Values, [2, 4], TensorElementType.Float);
        Assert.Equal(TensorElementType.Float, tensor.GetTensorTypeAndShape().ElementDataType);
        Assert.Equal(Values, OnnxFloatTensors.ToArray(tensor, TensorElementType.Float));
        var row = new double[4];
        OnnxFloatTensors.Read(tensor, TensorElementType.Float, 4, row);
        Assert.Equal(Values[4..].Select(v => (double)v), row);
    }

    [Fact]
    public void Float16_tensors_hold_each_value_rounded_to_nearest_and_read_back_from_any_offset()
    {
        using OrtValue tensor = OnnxFloatTensors.Create(Values, [2, 4], TensorElementType.Float16);
        Assert.Equal(TensorElementType.Float16, tensor.GetTensorTypeAndShape().ElementDataType);
        float[] rounded = Values.Select(v => (float)(Half)v).ToArray();
        Assert.Equal(rounded, OnnxFloatTensors.ToArray(tensor, TensorElementType.Float16));
        Assert.NotEqual(Values[5], rounded[5]); // pi is not a float16 value: the conversion did round
        var tail = new float[3];
        OnnxFloatTensors.Read(tensor, TensorElementType.Float16, 5, tail);
        Assert.Equal(rounded[5..], tail);
        var scores = new double[2];
        OnnxFloatTensors.Read(tensor, TensorElementType.Float16, 1, scores);
        Assert.Equal([1.0, -2.5], scores);
    }

    [Fact]
    public void Only_float32_and_float16_are_converted()
    {
        Assert.True(OnnxFloatTensors.IsSupported(TensorElementType.Float16));
        Assert.False(OnnxFloatTensors.IsSupported(TensorElementType.BFloat16));
        Assert.Equal(2, OnnxFloatTensors.ElementBytes(TensorElementType.Float16));
        Assert.Equal("bfloat16", OnnxFloatTensors.Name(TensorElementType.BFloat16));
        Assert.Throws<NotSupportedException>(() => OnnxFloatTensors.Create(Values, [8], TensorElementType.Double));
    }
}

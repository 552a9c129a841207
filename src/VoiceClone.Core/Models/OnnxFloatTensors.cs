using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace VoiceClone.Core.Models;

/// <summary>
/// Real-valued tensors at a graph's boundary in the graph's own element type, as its session metadata states it:
/// float32 is wrapped or read as is; float16 (IEEE 754 binary16, System.Half) is converted to and from float32 there,
/// vectorised by TensorPrimitives. Other element types are refused when a model is loaded (<see cref="IsSupported"/>).
/// </summary>
public static class OnnxFloatTensors
{
    public static bool IsSupported(TensorElementType type) => type is TensorElementType.Float or TensorElementType.Float16;

    public static int ElementBytes(TensorElementType type) => type switch
    {
        TensorElementType.Float => sizeof(float),
        TensorElementType.Float16 => 2, // binary16
        _ => throw Unsupported(type),
    };

    /// <summary>The ONNX name of an element type (float32, float16, int64...), for logs and messages.</summary>
    public static string Name(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float32",
        TensorElementType.Float16 => "float16",
        TensorElementType.BFloat16 => "bfloat16",
        TensorElementType.Double => "float64",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// A tensor of <paramref name="type"/> holding <paramref name="data"/>: float32 wraps the array (no copy); float16
    /// converts it into a new buffer.
    /// </summary>
    public static OrtValue Create(float[] data, long[] shape, TensorElementType type)
    {
        if (type == TensorElementType.Float) return OrtValue.CreateTensorValueFromMemory(data, shape);
        if (type != TensorElementType.Float16) throw Unsupported(type);
        var half = new Float16[data.Length];
        TensorPrimitives.ConvertToHalf(data, AsHalf(half));
        return OrtValue.CreateTensorValueFromMemory(half, shape);
    }

    /// <summary>Elements <paramref name="offset"/>.. of a float32 or float16 tensor, as float32.</summary>
    public static void Read(OrtValue value, TensorElementType type, int offset, Span<float> destination)
    {
        if (type == TensorElementType.Float) value.GetTensorDataAsSpan<float>().Slice(offset, destination.Length).CopyTo(destination);
        else if (type == TensorElementType.Float16)
            TensorPrimitives.ConvertToSingle(AsHalf(value, offset, destination.Length), destination);
        else throw Unsupported(type);
    }

    /// <summary>Elements <paramref name="offset"/>.. of a float32 or float16 tensor, widened to float64 (scores for sampling).</summary>
    public static void Read(OrtValue value, TensorElementType type, int offset, Span<double> destination)
    {
        if (type == TensorElementType.Float)
        {
            ReadOnlySpan<float> source = value.GetTensorDataAsSpan<float>().Slice(offset, destination.Length);
            for (int i = 0; i < source.Length; i++) destination[i] = source[i];
        }
        else if (type == TensorElementType.Float16)
        {
            ReadOnlySpan<Half> source = AsHalf(value, offset, destination.Length);
            for (int i = 0; i < source.Length; i++) destination[i] = (double)source[i];
        }
        else
        {
            throw Unsupported(type);
        }
    }

    /// <summary>The whole tensor as float32.</summary>
    public static float[] ToArray(OrtValue value, TensorElementType type)
    {
        var result = new float[value.GetTensorTypeAndShape().ElementCount];
        Read(value, type, 0, result);
        return result;
    }

    private static ReadOnlySpan<Half> AsHalf(OrtValue value, int offset, int length) =>
        MemoryMarshal.Cast<Float16, Half>(value.GetTensorDataAsSpan<Float16>()).Slice(offset, length);

    private static Span<Half> AsHalf(Float16[] data) => MemoryMarshal.Cast<Float16, Half>(data.AsSpan());

    private static NotSupportedException Unsupported(TensorElementType type) =>
        new($"Tensors of {Name(type)} are not read or written here; float32 and float16 are.");
}

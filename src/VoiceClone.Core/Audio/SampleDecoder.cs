using System.Buffers.Binary;

namespace VoiceClone.Core.Audio;

/// <summary>Decodes one little-endian WAV sample to a float in [-1, 1).</summary>
internal static class SampleDecoder
{
    private const float Scale8 = 128f;
    private const float Scale16 = 32768f;
    private const float Scale24 = 8388608f;
    private const float Scale32 = 2147483648f;

    public static float Decode(ReadOnlySpan<byte> sample, WavEncoding encoding) => (encoding, sample.Length) switch
    {
        (WavEncoding.Pcm, 1) => (sample[0] - 128) / Scale8, // 8-bit WAV is unsigned, offset 128
        (WavEncoding.Pcm, 2) => BinaryPrimitives.ReadInt16LittleEndian(sample) / Scale16,
        (WavEncoding.Pcm, 3) => (sample[0] | (sample[1] << 8) | ((sbyte)sample[2] << 16)) / Scale24,
        (WavEncoding.Pcm, 4) => BinaryPrimitives.ReadInt32LittleEndian(sample) / Scale32,
        (WavEncoding.IeeeFloat, 4) => BinaryPrimitives.ReadSingleLittleEndian(sample),
        (WavEncoding.IeeeFloat, 8) => (float)BinaryPrimitives.ReadDoubleLittleEndian(sample),
        _ => throw new ArgumentOutOfRangeException(nameof(sample), $"{sample.Length}-byte {encoding} sample"),
    };
}

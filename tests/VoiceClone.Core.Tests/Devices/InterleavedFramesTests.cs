using System.Buffers.Binary;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Devices;

namespace VoiceClone.Core.Tests.Devices;

public sealed class InterleavedFramesTests
{
    [Fact]
    public void Stereo_pcm16_frames_are_averaged_to_mono()
    {
        short[] interleaved = [16384, 0, -32768, -32768, 100, 300];
        var bytes = new byte[interleaved.Length * 2];
        for (int i = 0; i < interleaved.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), interleaved[i]);
        var mono = new float[3];
        Assert.Equal(3, InterleavedFrames.ToMono(bytes, channels: 2, bytesPerSample: 2, WavEncoding.Pcm, mono));
        Assert.Equal([0.25f, -1f, 200f / 32768], mono);
    }

    [Fact]
    public void Float_mono_goes_to_every_channel_and_back()
    {
        float[] mono = [0.5f, -0.25f, 1f];
        var bytes = new byte[mono.Length * 3 * sizeof(float)];
        InterleavedFrames.FromMono(mono, channels: 3, bytes);
        Assert.Equal(-0.25f, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan((1 * 3 + 2) * sizeof(float))));
        var back = new float[4];
        // A trailing partial frame is left for the next buffer.
        Assert.Equal(3, InterleavedFrames.ToMono(bytes.Concat(new byte[4]).ToArray(), 3, sizeof(float), WavEncoding.IeeeFloat, back));
        Assert.Equal(mono, back[..3]);
    }
}

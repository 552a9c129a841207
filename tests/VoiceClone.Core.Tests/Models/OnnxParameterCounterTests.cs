using VoiceClone.Core.Models;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Models;

public sealed class OnnxParameterCounterTests
{
    [SkippableFact]
    public void Counts_weight_elements_that_account_for_an_fp32_files_size()
    {
        string folder = SharedData.Require("fixtures/qwen3-tts-tiny/cpu_fp32");
        // text_embed is a 151936 x 4 embedding table plus a 4 -> 4 -> 32 projection: its float32 weights are nearly the whole file.
        string textEmbed = Path.Combine(folder, "text_embed.onnx");
        long parameters = OnnxParameterCounter.Count(textEmbed);
        Assert.InRange(parameters, 151936 * 4, 151936 * 4 + 1000);
        foreach (string file in Directory.GetFiles(folder, "*.onnx"))
        {
            long count = OnnxParameterCounter.Count(file), bytes = new FileInfo(file).Length;
            Assert.True(count * 4 <= bytes, $"{Path.GetFileName(file)}: {count} float32 parameters cannot fit in {bytes} bytes");
            Assert.True(count * 4 >= bytes / 2, $"{Path.GetFileName(file)}: {count} parameters explain too little of {bytes} bytes");
        }
    }

    [SkippableFact]
    public void Counts_the_silero_model_and_rejects_a_file_that_is_not_protobuf()
    {
        string silero = SharedData.Require("models/silero-vad/silero_vad.onnx");
        Assert.InRange(OnnxParameterCounter.Count(silero), 100_000, 2_000_000); // 2.3 MB file, about 300k weights plus subgraphs
        using var dir = new TempDirectory();
        string notOnnx = dir.Write("x.onnx", [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        Assert.ThrowsAny<Exception>(() => OnnxParameterCounter.Count(notOnnx));
    }
}

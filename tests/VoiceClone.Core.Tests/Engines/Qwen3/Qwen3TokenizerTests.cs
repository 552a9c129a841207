using System.Text.Json;
using VoiceClone.Core.Engines.Qwen3;
using VoiceClone.Core.Tests.Support;
using Xunit.Abstractions;

namespace VoiceClone.Core.Tests.Engines.Qwen3;

/// <summary>The C# Qwen2 tokenizer against the prompt ids the fixture recorded (its own reference encoder's).</summary>
public sealed class Qwen3TokenizerTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("short", "short_prompt")]
    [InlineData("long", "long_prompt")]
    [InlineData("ref", "ref_prompt")]
    public void Prompt_ids_match_the_recorded_ones(string text, string key)
    {
        string folder = SharedData.Require("fixtures/qwen3-tts-tiny");
        using var cases = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "reference", "cases.json")));
        JsonElement root = cases.RootElement;
        var tokenizer = Qwen3TextTokenizer.Load(folder);
        long[] ids = text == "ref"
            ? tokenizer.ReferencePrompt(root.GetProperty("ref_text").GetString()!)
            : tokenizer.SynthesisPrompt(root.GetProperty("texts").GetProperty(text).GetString()!);
        long[] recorded = root.GetProperty("token_ids").GetProperty(key).EnumerateArray().Select(x => x.GetInt64()).ToArray();
        output.WriteLine($"{key}: ours [{string.Join(",", ids)}]");
        output.WriteLine($"{key}: recorded [{string.Join(",", recorded)}]");
        Assert.Equal(recorded, ids);
    }

    [SkippableFact]
    public void Special_tokens_split_first_and_text_is_nfc_normalised()
    {
        var tokenizer = Qwen3TextTokenizer.Load(SharedData.Require("fixtures/qwen3-tts-tiny"));
        long[] ids = tokenizer.Encode("<|im_start|>assistant\n");
        Assert.Equal(151644, ids[0]);
        Assert.Equal(198, ids[^1]); // "\n" on its own
        // "é" composed and decomposed (e + U+0301) encode the same after NFC.
        Assert.Equal(tokenizer.Encode("caf\u00e9"), tokenizer.Encode("cafe\u0301"));
    }
}

using System.Text.Json;
using VoiceClone.Core.Engines.Qwen3;
using VoiceClone.Core.Models;
using VoiceClone.Core.Tests.Support;
using Xunit.Abstractions;

namespace VoiceClone.Core.Tests.Engines.Qwen3;

/// <summary>
/// The Qwen2/Qwen3 tokenizer on the real vocabulary (151,643 tokens, 151,387 merges, 26 added tokens) in
/// ../shared/fixtures/qwen3-text-tokenizer, against Hugging Face's ids: every case's text alone, its synthesis prompt
/// and its reference prompt, for llama.cpp's 46 tokenizer strings and 23 texts to speak in ten languages.
/// </summary>
public sealed class Qwen3RealVocabularyTests(ITestOutputHelper output)
{
    private const string Fixture = "fixtures/qwen3-text-tokenizer";
    private static readonly Lazy<Qwen3TextTokenizer> Tokenizer = new(() => Qwen3TextTokenizer.Load(Path.Combine(SharedData.Root, Fixture)));

    [SkippableTheory]
    [InlineData("cases-llamacpp.json", 46)]
    [InlineData("cases.json", 23)]
    public void Every_case_gives_hugging_faces_ids_for_the_text_and_both_prompts(string file, int expectedCases)
    {
        string path = SharedData.Require(Path.Combine(Fixture, file));
        using var cases = JsonDocument.Parse(File.ReadAllBytes(path));
        Qwen3TextTokenizer tokenizer = Tokenizer.Value;
        var failures = new List<string>();
        int checkedCases = 0;
        foreach (JsonElement c in cases.RootElement.GetProperty("cases").EnumerateArray())
        {
            string text = c.GetProperty("text").GetString()!;
            Compare(text, "ids", tokenizer.Encode(text), c, failures);
            Compare(text, "synthesis_prompt_ids", tokenizer.SynthesisPrompt(text), c, failures);
            Compare(text, "reference_prompt_ids", tokenizer.ReferencePrompt(text), c, failures);
            checkedCases++;
        }
        output.WriteLine($"{file}: {checkedCases} cases x 3 id lists, {failures.Count} differ");
        Assert.Equal(expectedCases, checkedCases);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static void Compare(string text, string key, long[] ours, JsonElement c, List<string> failures)
    {
        long[] expected = c.GetProperty(key).EnumerateArray().Select(x => x.GetInt64()).ToArray();
        if (!expected.SequenceEqual(ours))
        {
            failures.Add($"{key} of {JsonSerializer.Serialize(text)}: expected [{string.Join(",", expected)}], " +
                $"ours [{string.Join(",", ours)}]");
        }
    }

    [SkippableFact]
    public void A_model_folders_tokenizer_is_built_once_and_shared()
    {
        string folder = SharedData.Require(Fixture);
        var tokenizers = new Qwen3Tokenizers();
        Qwen3TextTokenizer first = tokenizers.ForFolder(folder);
        Assert.Same(first, tokenizers.ForFolder(folder + "/"));
        Assert.Equal(Tokenizer.Value.Encode("Hello world"), first.Encode("Hello world"));

        // Engines on one model with different options (another language, a reference text) share it too.
        string model = SharedData.Require("fixtures/qwen3-tts-tiny");
        using var sessions = new OnnxSessions();
        var english = new Qwen3Engine(new Qwen3EngineOptions(model) { Language = "english" }, sessions, tokenizers);
        var inContext = new Qwen3Engine(new Qwen3EngineOptions(model) { ReferenceText = "Hello there." }, sessions, tokenizers);
        Assert.Same(english.Tokenizer, inContext.Tokenizer);
        Assert.Same(tokenizers.ForFolder(model), english.Tokenizer);
    }
}

using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace VoiceClone.Core.Engines.Qwen3;

/// <summary>
/// Qwen2 byte-level BPE (vocab.json + merges.txt) through Microsoft.ML.Tokenizers: NFC normalisation, the added
/// (special) tokens of tokenizer_config.json split out first, then Qwen2's pre-tokenizer regex, then byte-level BPE.
/// Builds the prompts of the official pipeline. Reproduces Hugging Face's ids on the real Qwen3 vocabulary
/// (../shared/fixtures/qwen3-text-tokenizer: 69 strings, each alone and in both prompt templates).
/// </summary>
public sealed partial class Qwen3TextTokenizer
{
    public static readonly string[] Files = ["vocab.json", "merges.txt", "tokenizer_config.json"];
    private readonly BpeTokenizer _bpe;

    private Qwen3TextTokenizer(BpeTokenizer bpe, int maxId)
    {
        _bpe = bpe;
        MaxId = maxId;
    }

    /// <summary>The largest token id the vocabulary and its added tokens use.</summary>
    public int MaxId { get; }

    /// <summary>Qwen2's pre-tokenizer: contractions, letter runs with one leading non-letter, single digits, punctuation runs, newlines, spaces.</summary>
    [GeneratedRegex(@"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+")]
    private static partial Regex Qwen2PreTokenizer();

    public static Qwen3TextTokenizer Load(string folder)
    {
        var vocabulary = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllBytes(Path.Combine(folder, "vocab.json")))!;
        string[] merges = File.ReadAllLines(Path.Combine(folder, "merges.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith("#version", StringComparison.Ordinal)).ToArray();
        using var config = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "tokenizer_config.json")));
        var special = config.RootElement.GetProperty("added_tokens_decoder").EnumerateObject()
            .ToDictionary(p => p.Value.GetProperty("content").GetString()!, p => int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture));
        var bpe = BpeTokenizer.Create(new BpeOptions(vocabulary)
        {
            Merges = merges,
            SpecialTokens = special,
            ByteLevel = true,
            PreTokenizer = new RegexPreTokenizer(Qwen2PreTokenizer(), special),
            Normalizer = new NfcNormalizer(),
        });
        return new Qwen3TextTokenizer(bpe, Math.Max(vocabulary.Values.DefaultIfEmpty(0).Max(), special.Values.DefaultIfEmpty(0).Max()));
    }

    public long[] Encode(string text) => _bpe.EncodeToIds(text).Select(id => (long)id).ToArray();

    /// <summary>The talker prompt for the text to speak.</summary>
    public long[] SynthesisPrompt(string text) => Encode($"<|im_start|>assistant\n{text}<|im_end|>\n<|im_start|>assistant\n");

    /// <summary>The prompt for the reference transcript in in-context cloning.</summary>
    public long[] ReferencePrompt(string referenceText) => Encode($"<|im_start|>assistant\n{referenceText}<|im_end|>\n");

    private sealed class NfcNormalizer : Normalizer
    {
        public override string Normalize(string original) => original.Normalize(NormalizationForm.FormC);
        public override string Normalize(ReadOnlySpan<char> original) => original.ToString().Normalize(NormalizationForm.FormC);
    }
}

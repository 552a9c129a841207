using System.Text.Json.Nodes;

namespace VoiceClone.Core.Engines.Qwen3;

/// <summary>The token ids and sizes a Qwen3-TTS client needs, read from the model's config.json (keys of the official repository).</summary>
public sealed record Qwen3Config
{
    public long ImStart { get; init; }
    public long ImEnd { get; init; }
    public long TtsPad { get; init; }
    public long TtsBos { get; init; }
    public long TtsEos { get; init; }
    public long CodecPad { get; init; }
    public long CodecBos { get; init; }
    public long CodecEos { get; init; }
    public long CodecThink { get; init; }
    public long CodecNoThink { get; init; }
    public long CodecThinkBos { get; init; }
    public long CodecThinkEos { get; init; }
    public int CodeGroups { get; init; }
    /// <summary>Valid codes per group (the code predictor's vocabulary); ids from here to the talker vocabulary are control ids.</summary>
    public int CodebookSize { get; init; }
    public int TalkerVocabulary { get; init; }
    public IReadOnlyDictionary<string, long> Languages { get; init; } = new Dictionary<string, long>();

    public static Qwen3Config Read(string path)
    {
        JsonNode root = JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"'{path}' is empty.");
        JsonNode talker = root["talker_config"] ?? throw new InvalidDataException($"'{path}' has no talker_config.");
        JsonNode predictor = talker["code_predictor_config"] ?? throw new InvalidDataException($"'{path}' has no talker_config.code_predictor_config.");
        long Id(JsonNode node, string key) => node[key]?.GetValue<long>() ?? throw new InvalidDataException($"'{path}' lacks {key}.");
        return new Qwen3Config
        {
            ImStart = Id(root, "im_start_token_id"),
            ImEnd = Id(root, "im_end_token_id"),
            TtsPad = Id(root, "tts_pad_token_id"),
            TtsBos = Id(root, "tts_bos_token_id"),
            TtsEos = Id(root, "tts_eos_token_id"),
            CodecPad = Id(talker, "codec_pad_id"),
            CodecBos = Id(talker, "codec_bos_id"),
            CodecEos = Id(talker, "codec_eos_token_id"),
            CodecThink = Id(talker, "codec_think_id"),
            CodecNoThink = Id(talker, "codec_nothink_id"),
            CodecThinkBos = Id(talker, "codec_think_bos_id"),
            CodecThinkEos = Id(talker, "codec_think_eos_id"),
            CodeGroups = (int)Id(talker, "num_code_groups"),
            CodebookSize = (int)Id(predictor, "vocab_size"),
            TalkerVocabulary = (int)Id(talker, "vocab_size"),
            Languages = (talker["codec_language_id"] as JsonObject ?? [])
                .ToDictionary(p => p.Key, p => p.Value!.GetValue<long>(), StringComparer.OrdinalIgnoreCase),
        };
    }
}

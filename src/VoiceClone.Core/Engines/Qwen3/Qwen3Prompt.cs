namespace VoiceClone.Core.Engines.Qwen3;

/// <summary>A voice to clone: the speaker embedding, and for in-context cloning the reference's codes and text ids.</summary>
public sealed record Qwen3Voice(float[] SpeakerEmbedding)
{
    /// <summary>Reference codes (frames x groups) from tok_encoder; null for speaker-embedding-only cloning.</summary>
    public IReadOnlyList<long[]>? ReferenceCodes { get; init; }
    /// <summary>The reference transcript's prompt ids, "&lt;|im_start|&gt;assistant\n{ref_text}&lt;|im_end|&gt;\n".</summary>
    public long[]? ReferenceTextIds { get; init; }
    public bool InContext => ReferenceCodes is not null && ReferenceTextIds is not null;
}

/// <summary>
/// The talker's prompt as the official pipeline lays it out: role tokens, the codec prefix (think/language ids,
/// speaker embedding, pad, bos) under tts_pad/tts_bos text rows, then the text either streamed one row per frame
/// ("streaming") or all before generation ("non-streaming"), with the reference codes before it in in-context mode.
/// </summary>
public sealed class Qwen3Prompt
{
    private Qwen3Prompt(List<float[]> prefill, List<float[]> trailing, float[] pad)
    {
        Prefill = prefill;
        Trailing = trailing;
        Pad = pad;
    }

    public List<float[]> Prefill { get; }
    /// <summary>Text rows added to frame inputs, one per step; after them, <see cref="Pad"/>.</summary>
    public List<float[]> Trailing { get; }
    public float[] Pad { get; }

    /// <param name="inputIds">"&lt;|im_start|&gt;assistant\n{text}&lt;|im_end|&gt;\n&lt;|im_start|&gt;assistant\n" as ids.</param>
    public static Qwen3Prompt Build(Qwen3Graphs graphs, long[] inputIds, Qwen3Voice voice, string language, bool nonStreaming)
    {
        Qwen3Config c = graphs.Model.Config;
        int h = graphs.Model.Hidden;
        List<float[]> Rows(float[] flat) => Enumerable.Range(0, flat.Length / h).Select(i => flat.AsSpan(i * h, h).ToArray()).ToList();
        List<float[]> Text(ReadOnlySpan<long> ids) => ids.Length == 0 ? [] : Rows(graphs.EmbedText(ids));
        List<float[]> Codec(params long[] ids) => Rows(graphs.EmbedCodec(ids));
        static float[] Add(float[] a, float[] b) => a.Zip(b, (x, y) => x + y).ToArray();

        var special = Text([c.TtsBos, c.TtsEos, c.TtsPad]);
        float[] bos = special[0], eos = special[1], pad = special[2];
        long[] prefix = language.Equals("auto", StringComparison.OrdinalIgnoreCase)
            ? [c.CodecNoThink, c.CodecThinkBos, c.CodecThinkEos]
            : [c.CodecThink, c.CodecThinkBos, LanguageId(c, language), c.CodecThinkEos];
        List<float[]> codecInput = [.. Codec(prefix), voice.SpeakerEmbedding, .. Codec(c.CodecPad, c.CodecBos)];
        int n = codecInput.Count;

        List<float[]> prefill = Text(inputIds.AsSpan(0, 3));
        for (int i = 0; i < n - 1; i++) prefill.Add(Add(i < n - 2 ? pad : bos, codecInput[i]));
        ReadOnlySpan<long> body = inputIds.AsSpan(3, inputIds.Length - 8);
        List<float[]> trailing;

        if (!voice.InContext)
        {
            if (!nonStreaming)
            {
                prefill.Add(Add(Text(inputIds.AsSpan(3, 1))[0], codecInput[n - 1]));
                trailing = [.. Text(body[1..]), eos];
            }
            else
            {
                List<float[]> text = [.. Text(body), eos];
                List<float[]> pads = Codec(Enumerable.Repeat(c.CodecPad, text.Count).ToArray());
                prefill.AddRange(text.Zip(pads, Add));
                prefill.Add(Add(pad, Codec(c.CodecBos)[0]));
                trailing = [pad];
            }
            return new Qwen3Prompt(prefill, trailing, pad);
        }

        long[] referenceText = voice.ReferenceTextIds![3..^2];
        List<float[]> te = [.. Text([.. referenceText, .. body]), eos];
        List<float[]> ce = [.. Codec(c.CodecBos), .. voice.ReferenceCodes!.Select(graphs.EmbedFrame)];
        if (nonStreaming)
        {
            prefill.AddRange(te.Zip(Codec(Enumerable.Repeat(c.CodecPad, te.Count).ToArray()), Add));
            prefill.AddRange(ce.Select(row => Add(row, pad)));
            trailing = [pad];
        }
        else if (te.Count > ce.Count)
        {
            prefill.AddRange(te.Take(ce.Count).Zip(ce, Add));
            trailing = te.Skip(ce.Count).ToList();
        }
        else
        {
            prefill.AddRange(te.Concat(Enumerable.Repeat(pad, ce.Count - te.Count)).Zip(ce, Add));
            trailing = [pad];
        }
        return new Qwen3Prompt(prefill, trailing, pad);
    }

    private static long LanguageId(Qwen3Config c, string language) =>
        c.Languages.TryGetValue(language, out long id) ? id
            : throw new VoiceCloneException(VoiceCloneErrors.ConfigurationInvalid,
                $"Language '{language}' is not one the model knows; use auto or one of: {string.Join(", ", c.Languages.Keys.Order())}.");
}

using VoiceClone.Core.Audio;
using VoiceClone.Core.Engines.Qwen3;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Engines.Qwen3;

public sealed class Qwen3EngineHelpersTests
{
    [Fact]
    public void Long_text_is_split_at_sentence_ends_into_chunks_of_at_most_200_characters()
    {
        string sentence = "This sentence is about fifty characters long, yes.";
        string text = string.Join(" ", Enumerable.Repeat(sentence, 9));
        List<string> chunks = Qwen3Engine.SplitSentences(text);
        Assert.All(chunks, c => Assert.True(c.Length <= Qwen3Engine.MaxChunkCharacters, c));
        Assert.All(chunks, c => Assert.EndsWith(".", c));
        Assert.Equal(text, string.Join(" ", chunks)); // nothing lost or reordered
        Assert.Equal(["Hello world."], Qwen3Engine.SplitSentences("  Hello world.  "));
        Assert.Equal(["Wait! Really? Yes."], Qwen3Engine.SplitSentences("Wait! Really? Yes."));
    }

    [Fact]
    public void Joins_are_crossfaded_with_equal_power_and_lose_only_the_overlap()
    {
        float[] a = Enumerable.Repeat(1f, 1000).ToArray(), b = Enumerable.Repeat(1f, 1000).ToArray();
        float[] joined = Qwen3Engine.Crossfade([a, b], overlap: 480);
        Assert.Equal(2000 - 480, joined.Length);
        // Equal power: cos + sin of the same angle peaks at sqrt(2) mid-fade for correlated signals and never drops below 1.
        Assert.All(joined, v => Assert.InRange(v, 0.999f, 1.415f));
        Assert.Equal(1f, joined[0]);
        Assert.Equal(1f, joined[^1]);
        Assert.Equal(a, Qwen3Engine.Crossfade([a], 480));
    }

    [Fact]
    public void A_reference_is_resampled_to_24_khz_trimmed_of_silence_and_padded_with_half_a_second()
    {
        using var dir = new TempDirectory();
        float[] voice = Voices.Vowel(150, 2.0);
        float[] recording = Voices.Concat(Voices.Silence(1.0), voice, Voices.Silence(1.5));
        string path = dir.File("ref.wav");
        WavWriter.Write(path, recording, Voices.Rate, WavSampleFormat.Float32);
        float[] prepared = Qwen3Reference.Prepare(WavReader.ReadMono(path));
        double seconds = prepared.Length / (double)Qwen3Model.SampleRateHz;
        // 2 s of voice, up to 0.1 s kept either side, plus 0.5 s of silence.
        Assert.InRange(seconds, 2.0 + Qwen3Reference.TrailingSilenceSeconds, 2.2 + Qwen3Reference.TrailingSilenceSeconds + 0.02);
        int tail = (int)(Qwen3Reference.TrailingSilenceSeconds * Qwen3Model.SampleRateHz);
        Assert.All(prepared[^tail..], v => Assert.Equal(0f, v));
        Assert.True(Signals.Rms(prepared.AsSpan(0, prepared.Length - tail)) > 0.1);
    }
}

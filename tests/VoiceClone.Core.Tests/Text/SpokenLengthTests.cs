using VoiceClone.Core.Text;

namespace VoiceClone.Core.Tests.Text;

public sealed class SpokenLengthTests
{
    [Fact]
    public void Spaced_text_is_timed_by_words_as_before_0_12_to_1_5_s_each()
    {
        SpokenLength length = SpokenLength.Of("the birch canoe slid on the smooth planks");
        Assert.Equal(8 * 0.12, length.MinSeconds, 9);
        Assert.Equal(8 * 0.4, length.TypicalSeconds, 9);
        Assert.Equal(8 * 1.5, length.MaxSeconds, 9);
        Assert.Equal("8 words", length.Units);
    }

    [Fact]
    public void Chinese_is_timed_by_syllables_so_a_quarter_second_for_six_characters_is_implausible()
    {
        SpokenLength length = SpokenLength.Of("今天天气很好。");
        Assert.Equal("6 Han syllables", length.Units);
        Assert.False(length.Contains(0.24));
        Assert.True(length.Contains(1.2)); // 5 syllables a second
        Assert.False(length.Contains(5)); // 1.2 a second: slower than anyone reads
    }

    [Fact]
    public void Japanese_counts_morae_small_kana_joining_the_one_before_and_two_for_a_kanji()
    {
        Assert.Equal("2 morae", SpokenLength.Of("きょう").Units); // kyo-u
        Assert.Equal("4 morae", SpokenLength.Of("がっこう").Units); // ga-Q-ko-u: the small tsu is a mora
        Assert.Equal("6 morae", SpokenLength.Of("天気です").Units); // two kanji at two each, then de, su
    }

    [Fact]
    public void Korean_counts_syllable_blocks_and_mixed_text_adds_its_parts()
    {
        Assert.Equal("5 Hangul syllables", SpokenLength.Of("감사합니다").Units);
        SpokenLength mixed = SpokenLength.Of("我爱 Paris");
        Assert.Equal("2 Han syllables + 1 words", mixed.Units);
        Assert.Equal(2 / 12.0 + 0.12, mixed.MinSeconds, 9);
    }
}

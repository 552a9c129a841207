using VoiceClone.Core.Analysis.Activity;

namespace VoiceClone.Core.Tests.Analysis.Activity;

public sealed class SpeechMaskTests
{
    private static bool[] Mask(string pattern) => pattern.Select(c => c == '#').ToArray();

    private static string Text(bool[] mask) => new(mask.Select(s => s ? '#' : '.').ToArray());

    [Fact]
    public void Gaps_up_to_100_ms_inside_speech_are_bridged_and_longer_ones_kept()
    {
        bool[] short_ = Mask("######" + new string('.', 10) + "######");
        bool[] long_ = Mask("######" + new string('.', 11) + "######");

        SpeechMask.Smooth(short_);
        SpeechMask.Smooth(long_);

        Assert.Equal(new string('#', 22), Text(short_));
        Assert.Equal("######" + new string('.', 11) + "######", Text(long_));
    }

    [Fact]
    public void Bursts_up_to_50_ms_between_silences_are_dropped_and_longer_ones_kept()
    {
        string silence = new('.', 20);
        bool[] click = Mask(silence + "#####" + silence);
        bool[] syllable = Mask(silence + "######" + silence);

        SpeechMask.Smooth(click);
        SpeechMask.Smooth(syllable);

        Assert.DoesNotContain(true, click);
        Assert.Equal(silence + "######" + silence, Text(syllable));
    }

    [Fact]
    public void Runs_touching_either_end_are_left_alone()
    {
        bool[] mask = Mask("###" + new string('.', 30) + "..##");

        SpeechMask.Smooth(mask);

        Assert.Equal("###" + new string('.', 32) + "##", Text(mask));
    }
}

using VoiceClone.Core.Dsp;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Dsp;

public sealed class ActiveSpeechLevelTests
{
    [Fact]
    public void Active_speech_level_moves_exactly_with_gain_and_ignores_the_silences()
    {
        var audio = new AudioBuffer(Voices.Utterance(), Voices.Rate);
        double level = ActiveSpeechLevel.Dbfs(audio.Samples);
        Assert.Equal(level - 20, ActiveSpeechLevel.Dbfs(audio.Samples.Select(s => s * 0.1f).ToArray()), 3);
        // The vowels alone: the silences between them do not dilute the level.
        float[] vowel = Voices.Vowel(140, 0.8);
        Assert.InRange(level, ActiveSpeechLevel.Dbfs(vowel) - 2, ActiveSpeechLevel.Dbfs(vowel) + 2);
        Assert.Equal(ActiveSpeechLevel.TargetDbfs, ActiveSpeechLevel.Dbfs(ActiveSpeechLevel.Normalise(audio).Samples), 3);
    }

    [Fact]
    public void Digital_silence_has_no_level_and_is_left_alone()
    {
        var silence = new AudioBuffer(new float[16000], 16000);
        Assert.True(double.IsNegativeInfinity(ActiveSpeechLevel.Dbfs(silence.Samples)));
        Assert.All(ActiveSpeechLevel.Normalise(silence).Samples, s => Assert.Equal(0f, s));
    }
}

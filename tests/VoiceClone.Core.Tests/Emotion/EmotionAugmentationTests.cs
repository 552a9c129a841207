using VoiceClone.Core.Dsp;
using VoiceClone.Core.Emotion;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Emotion;

/// <summary>The augmented training views: as many as asked, one value per feature, reproducible from the seed.</summary>
public sealed class EmotionAugmentationTests
{
    [Fact]
    public void Augmented_views_are_reproducible_from_the_seed_and_differ_between_seeds()
    {
        AudioBuffer prepared = EmotionFeatures.Prepare(new AudioBuffer(Voices.Utterance(), Voices.Rate));
        float[][] a = EmotionAugmentation.Default.Views(prepared, seed: 5);
        float[][] b = EmotionAugmentation.Default.Views(prepared, seed: 5);
        float[][] c = EmotionAugmentation.Default.Views(prepared, seed: 6);
        Assert.Equal(EmotionAugmentation.Default.ViewsPerClip, a.Length);
        Assert.All(a, v => Assert.Equal(EmotionFeatures.Names.Count, v.Length));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Empty(EmotionAugmentation.None.Views(prepared, seed: 5));
    }
}

using VoiceClone.Core.Analysis.Rate;

namespace VoiceClone.Core.Tests.Analysis.Rate;

public sealed class SpeechRateTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("   ", 0)]
    [InlineData("Hello, world!", 2)]
    [InlineData("It's 5 o'clock - time to go .", 6)]
    [InlineData("line one\nline\ttwo", 4)]
    public void Words_are_whitespace_tokens_with_a_letter_or_digit(string? text, int words) =>
        Assert.Equal(words, SpeechRate.CountWords(text));
}

namespace VoiceClone.Core.Analysis.Rate;

/// <summary>What speaking-rate measures share: counting the words of a text, and when a syllable count gives a rate.</summary>
public static class SpeechRate
{
    /// <summary>Fewer syllable nuclei than this cannot give an articulation rate (one syllable more or less moves it by over 15 %).</summary>
    public const int MinSyllablesForRate = 6;

    /// <summary>Whitespace-separated tokens that hold a letter or digit (punctuation alone is not a word).</summary>
    public static int CountWords(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));
}

namespace VoiceClone.Benchmarks;

/// <summary>Rough syllable count from spelling (vowel groups, silent final e): ground truth for short, plain sentences.</summary>
internal static class EnglishSyllables
{
    public static int Count(string sentence) =>
        sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Sum(w => Word(new string(w.Where(char.IsLetter).ToArray()).ToLowerInvariant()));

    private static int Word(string w)
    {
        if (w.Length == 0) return 0;
        int groups = 0; bool previousVowel = false;
        foreach (char c in w)
        {
            bool vowel = "aeiouy".Contains(c);
            if (vowel && !previousVowel) groups++;
            previousVowel = vowel;
        }
        if (w.EndsWith('e') && !w.EndsWith("le") && groups > 1) groups--;
        return Math.Max(1, groups);
    }
}

using System.Text;

namespace VoiceClone.Core.Text;

/// <summary>
/// How long speaking a text plausibly takes, counted in the unit its script is read in. Space-separated scripts count
/// words: 0.12 s (very fast speech) to 1.5 s (very slow, with pauses) a word, 0.4 s typical. Scripts written without
/// spaces count what a reader says: Chinese Han characters are syllables (1.5-12 a second, typical 5.2), Japanese
/// is counted in morae (kana, small kana joining the one before, and about two per kanji; 2-16 a second, typical 7.8),
/// Korean Hangul blocks are syllables (1.5-13 a second, typical 6.5), Thai, Lao, Khmer, Myanmar and Tibetan letters
/// (3-40 a second, typical 12; coarse). Typical rates: Pellegrino, Coupé &amp; Marsico 2011 (Language 87(3)) for
/// Mandarin and Japanese; the ranges are about 2.5x either side, as for words. Mixed text adds its parts.
/// </summary>
public sealed record SpokenLength(double MinSeconds, double TypicalSeconds, double MaxSeconds, string Units)
{
    private sealed record Unit(string Name, double MinPerSecond, double TypicalPerSecond, double MaxPerSecond);

    private static readonly Unit Words = new("words", 1 / 1.5, 1 / 0.4, 1 / 0.12);
    private static readonly Unit HanSyllables = new("Han syllables", 1.5, 5.2, 12);
    private static readonly Unit Morae = new("morae", 2, 7.8, 16);
    private static readonly Unit HangulSyllables = new("Hangul syllables", 1.5, 6.5, 13);
    private static readonly Unit UnspacedLetters = new("letters", 3, 12, 40);

    // Small kana merge with the kana before them into one mora; the small tsu (っ/ッ) is a mora of its own.
    private const string SmallKana = "ぁぃぅぇぉゃゅょゎゕゖァィゥェォャュョヮヵヶ";
    // A kanji is read with one to three morae in Japanese; two is the usual length of on-readings.
    private const int MoraePerKanji = 2;

    public bool Contains(double seconds) => seconds >= MinSeconds && seconds <= MaxSeconds;

    public static SpokenLength Of(string text)
    {
        bool japanese = WritingScripts.Count(text).ContainsKey(WritingScript.Kana);
        var counts = new Dictionary<Unit, double>();
        foreach (string token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            bool spacedWord = false;
            foreach (Rune rune in token.EnumerateRunes())
            {
                Unit? unit = WritingScripts.Of(rune) switch
                {
                    WritingScript.Han => japanese ? Morae : HanSyllables,
                    WritingScript.Kana => Morae,
                    WritingScript.Hangul => HangulSyllables,
                    WritingScript.Thai or WritingScript.Lao or WritingScript.Khmer or WritingScript.Myanmar
                        or WritingScript.Tibetan => UnspacedLetters,
                    _ => null,
                };
                if (unit is null)
                {
                    spacedWord |= Rune.IsLetterOrDigit(rune);
                    continue;
                }
                double amount = unit == Morae && WritingScripts.Of(rune) == WritingScript.Han ? MoraePerKanji
                    : unit == Morae && SmallKana.Contains(rune.ToString(), StringComparison.Ordinal) ? 0 : 1;
                counts[unit] = counts.GetValueOrDefault(unit) + amount;
            }
            if (spacedWord) counts[Words] = counts.GetValueOrDefault(Words) + 1;
        }
        if (counts.Count == 0) counts[Words] = 1;
        return new SpokenLength(
            counts.Sum(c => c.Value / c.Key.MaxPerSecond), counts.Sum(c => c.Value / c.Key.TypicalPerSecond),
            counts.Sum(c => c.Value / c.Key.MinPerSecond),
            string.Join(" + ", counts.Select(c => $"{c.Value:0} {c.Key.Name}")));
    }
}

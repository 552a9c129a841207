using System.Text;

namespace VoiceClone.Core.Text;

/// <summary>The writing systems the module tells apart (Unicode script blocks of the letters); Kana is Hiragana and Katakana.</summary>
public enum WritingScript
{
    Other, Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu,
    Kannada, Malayalam, Sinhala, Thai, Lao, Tibetan, Myanmar, Georgian, Hangul, Ethiopic, Khmer, Kana, Han,
}

/// <summary>Which script a letter belongs to, by the Unicode block it lies in (The Unicode Standard, chapter 2 "Blocks").</summary>
public static class WritingScripts
{
    // (first code point, last code point, script), sorted by first code point.
    private static readonly (int First, int Last, WritingScript Script)[] Blocks =
    [
        (0x0041, 0x024F, WritingScript.Latin), (0x0250, 0x02AF, WritingScript.Latin), (0x0370, 0x03FF, WritingScript.Greek),
        (0x0400, 0x052F, WritingScript.Cyrillic), (0x0530, 0x058F, WritingScript.Armenian), (0x0590, 0x05FF, WritingScript.Hebrew),
        (0x0600, 0x06FF, WritingScript.Arabic), (0x0750, 0x077F, WritingScript.Arabic), (0x08A0, 0x08FF, WritingScript.Arabic),
        (0x0900, 0x097F, WritingScript.Devanagari), (0x0980, 0x09FF, WritingScript.Bengali), (0x0A00, 0x0A7F, WritingScript.Gurmukhi),
        (0x0A80, 0x0AFF, WritingScript.Gujarati), (0x0B00, 0x0B7F, WritingScript.Oriya), (0x0B80, 0x0BFF, WritingScript.Tamil),
        (0x0C00, 0x0C7F, WritingScript.Telugu), (0x0C80, 0x0CFF, WritingScript.Kannada), (0x0D00, 0x0D7F, WritingScript.Malayalam),
        (0x0D80, 0x0DFF, WritingScript.Sinhala), (0x0E00, 0x0E7F, WritingScript.Thai), (0x0E80, 0x0EFF, WritingScript.Lao),
        (0x0F00, 0x0FFF, WritingScript.Tibetan), (0x1000, 0x109F, WritingScript.Myanmar), (0x10A0, 0x10FF, WritingScript.Georgian),
        (0x1100, 0x11FF, WritingScript.Hangul), (0x1200, 0x139F, WritingScript.Ethiopic), (0x1780, 0x17FF, WritingScript.Khmer),
        (0x1C80, 0x1C8F, WritingScript.Cyrillic), (0x1C90, 0x1CBF, WritingScript.Georgian), (0x1E00, 0x1EFF, WritingScript.Latin),
        (0x1F00, 0x1FFF, WritingScript.Greek), (0x2C60, 0x2C7F, WritingScript.Latin), (0x2D00, 0x2D2F, WritingScript.Georgian),
        (0x2DE0, 0x2DFF, WritingScript.Cyrillic), (0x3005, 0x3007, WritingScript.Han), (0x3040, 0x30FF, WritingScript.Kana),
        (0x3130, 0x318F, WritingScript.Hangul), (0x31F0, 0x31FF, WritingScript.Kana), (0x3400, 0x4DBF, WritingScript.Han),
        (0x4E00, 0x9FFF, WritingScript.Han), (0xA640, 0xA69F, WritingScript.Cyrillic), (0xA720, 0xA7FF, WritingScript.Latin),
        (0xAC00, 0xD7AF, WritingScript.Hangul), (0xF900, 0xFAFF, WritingScript.Han), (0xFB50, 0xFDFF, WritingScript.Arabic),
        (0xFE70, 0xFEFF, WritingScript.Arabic), (0xFF21, 0xFF5A, WritingScript.Latin), (0xFF66, 0xFF9F, WritingScript.Kana),
        (0x20000, 0x3FFFF, WritingScript.Han),
    ];

    /// <summary>The script of a letter (Other for anything that is not a letter, or a letter of an unlisted script).</summary>
    public static WritingScript Of(Rune rune)
    {
        // Kana's prolonged-sound mark and iteration marks are modifier letters; the Han iteration mark is a letter.
        if (!Rune.IsLetter(rune) && rune.Value is not (0x3005 or 0x3007)) return WritingScript.Other;
        int value = rune.Value;
        int lo = 0, hi = Blocks.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (value < Blocks[mid].First) hi = mid - 1;
            else if (value > Blocks[mid].Last) lo = mid + 1;
            else return Blocks[mid].Script;
        }
        return WritingScript.Other;
    }

    /// <summary>How many letters of each script the text has.</summary>
    public static Dictionary<WritingScript, int> Count(string text)
    {
        var counts = new Dictionary<WritingScript, int>();
        foreach (Rune rune in text.EnumerateRunes())
        {
            WritingScript script = Of(rune);
            if (script != WritingScript.Other) counts[script] = counts.GetValueOrDefault(script) + 1;
        }
        return counts;
    }

    /// <summary>The script with the most letters; Other for text without letters.</summary>
    public static WritingScript Dominant(string text)
    {
        var counts = Count(text);
        // Japanese mixes Han and Kana: the two together are one writing system.
        if (counts.ContainsKey(WritingScript.Kana) && counts.ContainsKey(WritingScript.Han))
            counts[WritingScript.Kana] += counts[WritingScript.Han];
        return counts.Count == 0 ? WritingScript.Other : counts.MaxBy(c => c.Value).Key;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using VoiceClone.Core.Text;

namespace VoiceClone.Core.Engines.Default;

/// <summary>
/// Reads espeak-ng's own listings: <c>espeak-ng --voices</c> (priority, language, age/gender, name, file, other languages
/// with their priorities), <c>--voices=variant</c> (the voice variants, files <c>!v/&lt;id&gt;</c>) and the phoneme
/// mnemonics <c>-x</c> prints, where <c>(en)</c> ... <c>(de)</c> mark a stretch read with another language's rules.
/// </summary>
public static partial class EspeakVoiceList
{
    /// <summary>One language voice from the listing: its id (the language code), voice file, gender and languages.</summary>
    public sealed record Entry(string Id, string File, VoiceGender Gender, IReadOnlyList<VoiceLanguage> Languages);

    /// <summary>The language voices, without MBROLA voices (files mb/...: they need MBROLA and its voice data besides).</summary>
    public static IReadOnlyList<Entry> ParseVoices(string listing)
    {
        var entries = new List<Entry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in listing.Split('\n'))
        {
            string[] columns = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            bool mbrola = columns.Length >= 5 && columns[4].StartsWith("mb/", StringComparison.Ordinal);
            if (columns.Length < 5 || !int.TryParse(columns[0], out int priority) || mbrola) continue;
            if (LanguageTag.Parse(columns[1]) is not { } own) continue;
            var languages = new List<VoiceLanguage> { new(own, priority) };
            foreach (Match other in OtherLanguage().Matches(string.Join(' ', columns.Skip(5))))
            {
                if (LanguageTag.Parse(other.Groups[1].Value) is { } tag)
                    languages.Add(new VoiceLanguage(tag, int.Parse(other.Groups[2].Value, CultureInfo.InvariantCulture)));
            }
            // Two voices may share a language code (yue, yue-Latn-jyutping): the later one goes by its file name.
            string id = ids.Add(columns[1]) ? columns[1] : columns[4][(columns[4].LastIndexOf('/') + 1)..].ToLowerInvariant();
            ids.Add(id);
            entries.Add(new Entry(id, columns[4], Gender(columns[2]), languages));
        }
        return entries;
    }

    /// <summary>The variant ids (<c>f3</c> for <c>!v/f3</c>) with their gender.</summary>
    public static IReadOnlyDictionary<string, VoiceGender> ParseVariants(string listing)
    {
        var variants = new Dictionary<string, VoiceGender>(StringComparer.Ordinal);
        foreach (string line in listing.Split('\n'))
        {
            string[] columns = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length < 5 || !int.TryParse(columns[0], out _) || !columns[4].StartsWith("!v/", StringComparison.Ordinal)) continue;
            variants[columns[4][3..]] = Gender(columns[2]);
        }
        return variants;
    }

    /// <summary>
    /// How many stretches of the phoneme output espeak-ng read with the rules of a language other than
    /// <paramref name="language"/> (each <c>(xx)</c> switch to another language starts one).
    /// </summary>
    public static int ForeignStretches(string phonemes, LanguageTag language) =>
        LanguageSwitch().Matches(phonemes).Count(m => LanguageTag.Parse(m.Groups[1].Value) is { } tag && tag.Language != language.Language);

    private static VoiceGender Gender(string ageGender) => ageGender.EndsWith("/F", StringComparison.Ordinal) ? VoiceGender.Female
        : ageGender.EndsWith("/M", StringComparison.Ordinal) ? VoiceGender.Male : VoiceGender.Unknown;

    [GeneratedRegex(@"\(([A-Za-z0-9-]+) (\d+)\)")]
    private static partial Regex OtherLanguage();

    [GeneratedRegex(@"\(([a-z]{2,3}(?:-[a-z0-9]+)*)\)")]
    private static partial Regex LanguageSwitch();
}

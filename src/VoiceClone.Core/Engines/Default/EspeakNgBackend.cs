using VoiceClone.Core.Text;

namespace VoiceClone.Core.Engines.Default;

/// <summary>
/// eSpeak NG (formant synthesis after Klatt 1980, rules per language): over 100 languages, each with voice variants that
/// set pitch and formants. Each language voice is offered with <see cref="Variants"/>, so the catalog can pick the one
/// nearest the reference. Found through VOICECLONE_ESPEAK_NG, PATH, or (Windows) the installer's folder. The text goes
/// through a UTF-8 file (<c>-b 1 -f</c>); <c>-x</c> prints the phonemes beside the audio, and a voice that reads the
/// text's own letters with another language's rules (espeak-ng's Japanese reads kanji as English "Chinese letter";
/// 1.51's Mandarin reads each tone number as an English digit) is reported as unable to read it.
/// </summary>
public sealed class EspeakNgBackend : IBaseVoiceBackend
{
    public const string BackendName = "espeak-ng";
    public const string ExecutableVariable = "VOICECLONE_ESPEAK_NG";

    /// <summary>
    /// The variants offered with every language voice besides its default (median F0 93 Hz), each with its own formant scale;
    /// median F0 counting in German, espeak-ng 1.51: m8 77, m1 86, m2 94, m3 95 Hz; f4 167, f2 178, f3 190, linda 218 Hz.
    /// A spread that puts a base voice within a few semitones of most adult voices; variants a version lacks are left out.
    /// </summary>
    public static IReadOnlyList<string> Variants { get; } = ["m1", "m2", "m3", "m8", "f2", "f3", "f4", "linda"];

    // What a language voice is known not to read, for the message when it meets such text.
    private static readonly Dictionary<string, string> KnownLimits = new(StringComparer.Ordinal)
    {
        ["ja"] = "espeak-ng's Japanese reads kana only: write the kanji in kana",
    };

    public string Name => BackendName;

    public BackendAvailability Availability => Locate(out string? problem) is not null ? BackendAvailability.Ready
        : new BackendAvailability(false, problem ?? "espeak-ng was not found on PATH.", Misconfigured: problem is not null);

    public string? InstallHint(LanguageTag language)
    {
        if (OperatingSystem.IsLinux()) return "espeak-ng (Debian/Ubuntu: sudo apt-get install espeak-ng)";
        if (OperatingSystem.IsMacOS()) return "espeak-ng (brew install espeak-ng)";
        return OperatingSystem.IsWindows()
            ? "espeak-ng (the .msi from github.com/espeak-ng/espeak-ng/releases; it installs to Program Files\\eSpeak NG)" : null;
    }

    public IReadOnlyList<BaseVoice> ListVoices(CancellationToken cancellation)
    {
        string executable = Require();
        var entries = EspeakVoiceList.ParseVoices(SynthesizerProcess.Run(executable, BackendName, ["--voices"], cancellation));
        var variants = EspeakVoiceList.ParseVariants(SynthesizerProcess.Run(executable, BackendName, ["--voices=variant"], cancellation));
        var voices = new List<BaseVoice>();
        foreach (EspeakVoiceList.Entry entry in entries)
        {
            // Spoken by voice file: "fr-fr+f3" would select the voice by language and drop the variant.
            voices.Add(new BaseVoice(BackendName, entry.Id, entry.Languages, entry.Gender) { Group = entry.Id, Handle = entry.File });
            foreach (string variant in Variants.Where(variants.ContainsKey))
            {
                voices.Add(new BaseVoice(BackendName, $"{entry.Id}+{variant}", entry.Languages, variants[variant])
                {
                    Group = entry.Id, Handle = $"{entry.File}+{variant}",
                });
            }
        }
        return voices;
    }

    public BaseSpeech Speak(string text, BaseVoice voice, CancellationToken cancellation)
    {
        var result = SynthesizerProcess.Speak(Require(), $"espeak-ng (voice {voice.Id})", text,
            (textFile, wavFile) => ["-v", voice.Handle, "-b", "1", "-x", "-f", textFile, "-w", wavFile], cancellation);
        int foreign = EspeakVoiceList.ForeignStretches(result.StandardOutput, voice.Language);
        // Latin words (names, brands) are rightly read with another language's rules; other letters are the text's own.
        int latinWords = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Count(w => w.EnumerateRunes().Any(r => WritingScripts.Of(r) == WritingScript.Latin));
        string? unreadable = foreign > latinWords
            ? $"espeak-ng's {voice.Group} voice read {foreign} stretch(es) of the text with another language's rules " +
              $"({KnownLimits.GetValueOrDefault(voice.Language.Language, "it cannot read some of its letters")})"
            : null;
        return new BaseSpeech(result.Audio, unreadable);
    }

    private static string Require() =>
        Locate(out string? problem) ?? throw SynthesizerProcess.Missing(problem ?? "espeak-ng was not found on PATH.");

    private static string? Locate(out string? problem) =>
        SynthesizerProcess.Locate(ExecutableVariable, "espeak-ng", WindowsFolders(), out problem);

    private static IEnumerable<string> WindowsFolders()
    {
        if (!OperatingSystem.IsWindows()) yield break;
        foreach (var folder in new[] { Environment.SpecialFolder.ProgramFiles, Environment.SpecialFolder.ProgramFilesX86 })
        {
            string root = Environment.GetFolderPath(folder);
            if (root.Length > 0) yield return Path.Combine(root, "eSpeak NG");
        }
    }
}

using VoiceClone.Core.Text;

namespace VoiceClone.Core.Engines.Default;

/// <summary>
/// The flite command-line synthesiser (Black &amp; Lenzo 2001, CMU): English only, with its US lexicon for every voice.
/// Its full-domain voices: kal16 (kal, 8 kHz, is left out for this 16 kHz copy), awb, rms, slt; awb_time speaks only clock
/// times. Found through VOICECLONE_FLITE or PATH.
/// </summary>
public sealed class FliteBackend : IBaseVoiceBackend
{
    public const string BackendName = "flite";
    public const string ExecutableVariable = "VOICECLONE_FLITE";

    private static readonly BaseVoice[] BuiltIn =
    [
        Voice("kal16", VoiceGender.Male), Voice("awb", VoiceGender.Male), Voice("rms", VoiceGender.Male), Voice("slt", VoiceGender.Female),
    ];

    public string Name => BackendName;

    public BackendAvailability Availability => Locate(out string? problem) is not null ? BackendAvailability.Ready
        : new BackendAvailability(false, problem ?? "flite was not found on PATH.", Misconfigured: problem is not null);

    public string? InstallHint(LanguageTag language)
    {
        if (language.Language != "en") return null;
        if (OperatingSystem.IsLinux()) return "flite (Debian/Ubuntu: sudo apt-get install flite)";
        if (OperatingSystem.IsMacOS()) return "flite (brew install flite)";
        return OperatingSystem.IsWindows() ? $"flite.exe on PATH or in {ExecutableVariable}" : null;
    }

    public IReadOnlyList<BaseVoice> ListVoices(CancellationToken cancellation) => BuiltIn;

    public BaseSpeech Speak(string text, BaseVoice voice, CancellationToken cancellation) => new(Speak(text, voice.Id, cancellation));

    /// <summary>Speaks <paramref name="text"/> with one of flite's built-in voices; returns mono audio at the voice's own rate.</summary>
    public static Dsp.AudioBuffer Speak(string text, string voice, CancellationToken cancellation)
    {
        string executable = Locate(out string? problem) ?? throw SynthesizerProcess.Missing(problem ?? "flite was not found on PATH.");
        return SynthesizerProcess.Speak(executable, $"flite (voice {voice})", text,
            (textFile, wavFile) => ["-voice", voice, "-f", textFile, "-o", wavFile], cancellation).Audio;
    }

    private static string? Locate(out string? problem) => SynthesizerProcess.Locate(ExecutableVariable, "flite", [], out problem);

    private static BaseVoice Voice(string id, VoiceGender gender) =>
        new(BackendName, id, [new VoiceLanguage(new LanguageTag("en", "us"))], gender);
}

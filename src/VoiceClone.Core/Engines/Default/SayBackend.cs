using System.Text.RegularExpressions;
using VoiceClone.Core.Text;

namespace VoiceClone.Core.Engines.Default;

/// <summary>
/// macOS's <c>say</c> (/usr/bin/say) and the system voices it lists with <c>say -v ?</c> (name, locale, sample sentence).
/// Text through a file (<c>-f</c>), output as 22.05 kHz 16-bit WAV (<c>--file-format=WAVE --data-format=LEI16@22050</c>).
/// </summary>
public sealed partial class SayBackend : IBaseVoiceBackend
{
    public const string BackendName = "say";
    private const string Executable = "/usr/bin/say";

    public string Name => BackendName;

    public BackendAvailability Availability => OperatingSystem.IsMacOS() && File.Exists(Executable) ? BackendAvailability.Ready
        : new BackendAvailability(false, "say exists on macOS only.");

    public string? InstallHint(LanguageTag language) => OperatingSystem.IsMacOS()
        ? $"a {language.DisplayName} voice (System Settings > Accessibility > Spoken Content > System voice > Manage Voices)" : null;

    public IReadOnlyList<BaseVoice> ListVoices(CancellationToken cancellation) => OperatingSystem.IsMacOS()
        ? ParseVoices(SynthesizerProcess.Run(Executable, BackendName, ["-v", "?"], cancellation)) : [];

    public BaseSpeech Speak(string text, BaseVoice voice, CancellationToken cancellation) =>
        new(SynthesizerProcess.Speak(Executable, $"say (voice {voice.Id})", text, (textFile, wavFile) =>
            ["-v", voice.Id, "-f", textFile, "-o", wavFile, "--file-format=WAVE", "--data-format=LEI16@22050"], cancellation).Audio);

    /// <summary>Voices from <c>say -v ?</c> lines: "Anna   de_DE   # Hallo! ..." or "Eddy (German (Germany)) de_DE   # ...".</summary>
    public static IReadOnlyList<BaseVoice> ParseVoices(string listing) =>
        listing.Split('\n').Select(l => VoiceLine().Match(l)).Where(m => m.Success)
            .Select(m => (Name: m.Groups["name"].Value.Trim(), Tag: LanguageTag.Parse(m.Groups["locale"].Value)))
            .Where(v => v.Tag is not null)
            .Select(v => new BaseVoice(BackendName, v.Name, [new VoiceLanguage(v.Tag!)])).ToList();

    [GeneratedRegex(@"^(?<name>\S.*?)\s+(?<locale>[a-z]{2,3}_[A-Za-z0-9]{2,4}(?:[_-][A-Za-z0-9]+)*)\s+#")]
    private static partial Regex VoiceLine();
}

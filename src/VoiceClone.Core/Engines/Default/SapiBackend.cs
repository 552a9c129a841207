using System.Runtime.Versioning;
using System.Speech.AudioFormat;
using System.Speech.Synthesis;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Text;

namespace VoiceClone.Core.Engines.Default;

/// <summary>
/// Windows' SAPI 5 voices through System.Speech: the voices every Windows machine has (Microsoft David, Zira, ...) and
/// the desktop voices of the speech packs installed with a language (Microsoft Hedda for German, Haruka for Japanese, ...).
/// It compiles everywhere and lists no voices off Windows. Plain text only (no SSML is parsed); 22.05 kHz 16-bit mono.
/// A stop takes effect when the utterance in progress ends.
/// </summary>
public sealed class SapiBackend : IBaseVoiceBackend
{
    public const string BackendName = "sapi";
    public const int SampleRateHz = 22050;
    private const string WindowsOnly = "SAPI voices exist on Windows only.";

    public string Name => BackendName;

    public BackendAvailability Availability =>
        OperatingSystem.IsWindows() ? BackendAvailability.Ready : new BackendAvailability(false, WindowsOnly);

    public string? InstallHint(LanguageTag language) => OperatingSystem.IsWindows()
        ? $"a {language.DisplayName} SAPI voice (Settings > Time & language > Language & region: add {language.DisplayName} with its " +
          "text-to-speech feature; System.Speech sees the desktop voices, such as Microsoft Hedda Desktop for German)"
        : null;

    public IReadOnlyList<BaseVoice> ListVoices(CancellationToken cancellation) => OperatingSystem.IsWindows() ? Installed() : [];

    public BaseSpeech Speak(string text, BaseVoice voice, CancellationToken cancellation)
    {
        if (!OperatingSystem.IsWindows()) throw new SynthesisAttemptException(VoiceCloneErrorCategory.Dependency, WindowsOnly);
        cancellation.ThrowIfCancellationRequested();
        byte[] pcm = SpeakToPcm(text, voice.Id);
        cancellation.ThrowIfCancellationRequested();
        return new BaseSpeech(FromPcm16(pcm, SampleRateHz));
    }

    /// <summary>A SAPI voice as the catalog sees it, from its name, culture ("de-DE") and gender ("Female", "NotSet", ...).</summary>
    public static BaseVoice Describe(string name, string culture, string gender) =>
        new(BackendName, name, [new VoiceLanguage(LanguageTag.Parse(culture) ?? new LanguageTag("und"))], gender switch
        {
            "Male" => VoiceGender.Male,
            "Female" => VoiceGender.Female,
            _ => VoiceGender.Unknown,
        });

    /// <summary>16-bit little-endian mono PCM as samples in [-1, 1).</summary>
    public static AudioBuffer FromPcm16(byte[] pcm, int sampleRateHz)
    {
        var samples = new float[pcm.Length / 2];
        for (int i = 0; i < samples.Length; i++) samples[i] = BitConverter.ToInt16(pcm, 2 * i) / 32768f;
        return new AudioBuffer(samples, sampleRateHz);
    }

    [SupportedOSPlatform("windows")]
    private static List<BaseVoice> Installed()
    {
        using var synthesizer = new SpeechSynthesizer();
        return synthesizer.GetInstalledVoices().Where(v => v.Enabled)
            .Select(v => Describe(v.VoiceInfo.Name, v.VoiceInfo.Culture.Name, v.VoiceInfo.Gender.ToString())).ToList();
    }

    [SupportedOSPlatform("windows")]
    private static byte[] SpeakToPcm(string text, string voiceName)
    {
        try
        {
            using var synthesizer = new SpeechSynthesizer();
            synthesizer.SelectVoice(voiceName);
            using var pcm = new MemoryStream();
            synthesizer.SetOutputToAudioStream(pcm, new SpeechAudioFormatInfo(SampleRateHz, AudioBitsPerSample.Sixteen, AudioChannel.Mono));
            synthesizer.Speak(text); // a string is plain text; only PromptBuilder or SpeakSsml would read markup
            synthesizer.SetOutputToNull();
            return pcm.ToArray();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.Runtime.InteropServices.COMException)
        {
            throw new SynthesisAttemptException(VoiceCloneErrorCategory.Dependency, $"SAPI voice '{voiceName}' failed: {e.Message}");
        }
    }
}

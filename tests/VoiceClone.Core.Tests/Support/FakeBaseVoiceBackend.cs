using VoiceClone.Core.Dsp;
using VoiceClone.Core.Engines.Default;
using VoiceClone.Core.Text;

namespace VoiceClone.Core.Tests.Support;

/// <summary>
/// A base-voice backend with a given voice list whose voices speak a steady vowel at their own F0 (formants scaled with
/// it), so that selection can be tested without the synthesiser: SAPI's voice list on Linux, espeak-ng's without espeak-ng.
/// </summary>
internal sealed class FakeBaseVoiceBackend(string name, IReadOnlyList<BaseVoice> voices, Func<BaseVoice, double> pitchHz)
    : IBaseVoiceBackend
{
    public bool Installed { get; init; } = true;
    /// <summary>Voice groups that cannot read text with letters of this script.</summary>
    public Dictionary<string, WritingScript> CannotRead { get; init; } = [];
    public List<string> Spoken { get; } = [];

    public string Name => name;

    public BackendAvailability Availability =>
        Installed ? BackendAvailability.Ready : new BackendAvailability(false, $"{name} is not here.");

    public string? InstallHint(LanguageTag language) => $"{name} with a {language.DisplayName} voice";

    public IReadOnlyList<BaseVoice> ListVoices(CancellationToken cancellation) => voices;

    public BaseSpeech Speak(string text, BaseVoice voice, CancellationToken cancellation)
    {
        lock (Spoken) Spoken.Add($"{voice.Name}: {text}");
        double f0 = pitchHz(voice), scale = Math.Pow(f0 / 120, 0.3);
        var audio = new AudioBuffer(Voices.Vowel(f0, 1.5, formantsHz: [600 * scale, 1500 * scale, 2500 * scale]), Voices.Rate);
        bool unreadable = CannotRead.TryGetValue(voice.Group, out WritingScript script) && WritingScripts.Count(text).ContainsKey(script);
        return new BaseSpeech(audio, unreadable ? $"{voice.Group} cannot read {script}" : null);
    }

    public static BaseVoice Voice(string backend, string id, string language, VoiceGender gender = VoiceGender.Unknown, int priority = 5) =>
        new(backend, id, [new VoiceLanguage(LanguageTag.Parse(language)!, priority)], gender);
}

using VoiceClone.Core.Dsp;
using VoiceClone.Core.Text;

namespace VoiceClone.Core.Engines.Default;

/// <summary>
/// A synthesiser that gives the default engine its base speech (flite, espeak-ng, Windows SAPI, macOS say): whether it
/// is here, its voices with their languages, and plain speech for a text. The voice matching that follows is the
/// same for every backend. Implementations are thread-safe.
/// </summary>
public interface IBaseVoiceBackend
{
    /// <summary>The prefix of its voices' names: "flite", "espeak-ng", "sapi", "say".</summary>
    string Name { get; }

    /// <summary>Whether it can run here, checked on each call (cheap: a file lookup or an OS check).</summary>
    BackendAvailability Availability { get; }

    /// <summary>How to install it, or a voice for <paramref name="language"/>, on this OS; null when that is not possible here.</summary>
    string? InstallHint(LanguageTag language);

    /// <summary>Its voices; called once per catalog.</summary>
    IReadOnlyList<BaseVoice> ListVoices(CancellationToken cancellation);

    /// <summary>Speaks <paramref name="text"/> with <paramref name="voice"/>: mono audio at the voice's own rate.</summary>
    BaseSpeech Speak(string text, BaseVoice voice, CancellationToken cancellation);
}

/// <summary>
/// Whether a backend can run; <see cref="Problem"/> says why not, <see cref="Misconfigured"/> when the user pointed it at nothing.
/// </summary>
public sealed record BackendAvailability(bool Installed, string? Problem = null, bool Misconfigured = false)
{
    public static BackendAvailability Ready { get; } = new(true);
}

public enum VoiceGender { Unknown, Male, Female }

/// <summary>A language a voice speaks and how much the backend prefers it for that language (lower first, as espeak-ng ranks).</summary>
public sealed record VoiceLanguage(LanguageTag Tag, int Priority = VoiceLanguage.DefaultPriority)
{
    public const int DefaultPriority = 5;
}

/// <summary>
/// One base voice: its backend, the backend's own id for it (flite "awb", espeak-ng "de+f3", SAPI "Microsoft Hedda
/// Desktop"), its languages (the first is its own), gender where known, and the group of voices that read text alike
/// (an espeak-ng language voice and its variants): a group that cannot read a text is set aside as a whole.
/// </summary>
public sealed record BaseVoice(string Backend, string Id, IReadOnlyList<VoiceLanguage> Languages, VoiceGender Gender = VoiceGender.Unknown)
{
    /// <summary>"backend:id", the name -BaseVoice takes and the fingerprint's base_voice.</summary>
    public string Name => $"{Backend}:{Id}";
    public LanguageTag Language => Languages[0].Tag;
    public string Group { get; init; } = Id;
    /// <summary>What the backend is given to speak with this voice, when not its id (espeak-ng's voice file, "roa/fr+f3").</summary>
    public string Handle { get; init; } = Id;

    public override string ToString() => Name;
}

/// <summary>
/// A backend's speech for one text. <see cref="Unreadable"/> says why the voice could not read the text in its own
/// language (espeak-ng reading kanji as English "Chinese letter"), null when it could.
/// </summary>
public sealed record BaseSpeech(AudioBuffer Audio, string? Unreadable = null);

using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Analysis;

/// <summary>
/// Whether a recording holds speech to judge at all: voiced frames (the pitch tracker's periodicity) adding up to at least
/// <see cref="MinVoicedSeconds"/>. Digital silence and noise have next to none, and a classifier or a voice match fed
/// them would answer with confidence about nothing.
/// </summary>
public static class SpeechPresence
{
    /// <summary>A fifth of a second of voicing: two or three syllables, the least a voice can be measured from.</summary>
    public const double MinVoicedSeconds = 0.2;

    public static double VoicedSeconds(AudioBuffer audio)
    {
        PitchTrack track = YinPitchTracker.Track(audio, PitchTrackerOptions.Default);
        return track.FrequencyHz.Count(f => !float.IsNaN(f)) * track.HopSeconds;
    }

    public static double VoicedSeconds(VoiceFeatures features) => features.VoicedFraction * features.DurationSeconds;

    /// <summary>Throws NoSpeechDetected when <paramref name="voicedSeconds"/> is below the minimum.</summary>
    public static void Require(double voicedSeconds, string path, string purpose)
    {
        if (voicedSeconds >= MinVoicedSeconds) return;
        throw new VoiceCloneException(VoiceCloneErrors.NoSpeechDetected,
            $"'{path}' holds {Math.Max(0, voicedSeconds):F2} s of voiced speech, less than the {MinVoicedSeconds} s {purpose} needs " +
            "(silence or noise only?).", path);
    }
}

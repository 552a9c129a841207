namespace VoiceClone.Core.Runtime;

/// <summary>Which files in a folder given as input each kind of command takes.</summary>
public static class InputPatterns
{
    /// <summary>Recordings: what the module reads itself and what it reads through ffmpeg.</summary>
    public static IReadOnlyList<string> Audio { get; } =
    [
        "*.wav", "*.mp3", "*.ogg", "*.oga", "*.opus", "*.flac", "*.m4a", "*.aac", "*.wma", "*.aif", "*.aiff", "*.caf", "*.amr",
        "*.webm", "*.mkv", "*.mp4", "*.mov",
    ];

    public static IReadOnlyList<string> Fingerprints { get; } = ["*.json"];

    public static IReadOnlyList<string> Profiles { get; } = ["*" + ProfileService.Extension];
}

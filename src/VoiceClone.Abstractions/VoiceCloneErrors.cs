namespace VoiceClone;

/// <summary>
/// One row of the module's error table, its single source: a stable ErrorId, the log source that raises it, its kind (for
/// PowerShell's ErrorCategory), its category (for run logs and reports), what it means and what to do about it.
/// </summary>
public sealed record VoiceCloneErrorDefinition(
    string ErrorId,
    string SourceTag,
    VoiceCloneErrorKind Kind,
    VoiceCloneErrorCategory Category,
    string Meaning,
    string Remedy);

/// <summary>
/// Every error the module raises. ErrorIds are stable: scripts may match on them. README.md's error
/// table is generated from this list (a test keeps the two equal).
/// </summary>
public static class VoiceCloneErrors
{
    public static readonly VoiceCloneErrorDefinition PathNotFound = new(
        "PathNotFound", "paths", VoiceCloneErrorKind.ObjectNotFound, VoiceCloneErrorCategory.Input,
        "A -Path or -LiteralPath matched no file.",
        "Check the path; use -LiteralPath for names with [ ] characters.");

    public static readonly VoiceCloneErrorDefinition PathNotFileSystem = new(
        "PathNotFileSystem", "paths", VoiceCloneErrorKind.InvalidArgument, VoiceCloneErrorCategory.Input,
        "The path belongs to a provider other than the file system (registry, variable, ...).",
        "Pass a file-system path.");

    public static readonly VoiceCloneErrorDefinition PathNotRegularFile = new(
        "PathNotRegularFile", "paths", VoiceCloneErrorKind.InvalidArgument, VoiceCloneErrorCategory.Input,
        "The path is a folder, FIFO, socket or device rather than a regular file, so it was not opened (reading it could block forever).",
        "Pass the file itself; copy data from a pipe into a file first.");

    public static readonly VoiceCloneErrorDefinition AudioFormatUnsupported = new(
        "AudioFormatUnsupported", "wav_reader", VoiceCloneErrorKind.InvalidData, VoiceCloneErrorCategory.Input,
        "The file is in a format VoiceClone cannot read: not audio, or a format only ffmpeg decodes (M4A/AAC, FLAC, WMA, video, WAV codecs other than PCM and float) while ffmpeg is not installed.",
        "Install ffmpeg ('sudo apt-get install ffmpeg', 'brew install ffmpeg', 'winget install ffmpeg', or set VOICECLONE_FFMPEG), or convert the file to WAV.");

    public static readonly VoiceCloneErrorDefinition AudioFileMalformed = new(
        "AudioFileMalformed", "wav_reader", VoiceCloneErrorKind.InvalidData, VoiceCloneErrorCategory.Input,
        "The audio file is damaged or inconsistent (truncated, a failed checksum, bytes between MP3 frames that are not audio, sizes that do not add up, absurd rate).",
        "Re-export the recording; the message names the defect and where it is.");

    public static readonly VoiceCloneErrorDefinition AudioReadFailed = new(
        "AudioReadFailed", "wav_reader", VoiceCloneErrorKind.ReadError, VoiceCloneErrorCategory.Io,
        "The audio file could not be opened or read (permissions, locked, I/O error).",
        "Check that the file is readable by the current user.");

    public static readonly VoiceCloneErrorDefinition AudioTooLong = new(
        "AudioTooLong", "wav_reader", VoiceCloneErrorKind.LimitsExceeded, VoiceCloneErrorCategory.Resource,
        "The recording is too long to hold in memory for this operation.",
        "Split the recording, or use a command that streams it.");

    public static readonly VoiceCloneErrorDefinition AudioTooShort = new(
        "AudioTooShort", "feature_extractor", VoiceCloneErrorKind.InvalidData, VoiceCloneErrorCategory.Input,
        "The recording is shorter than 0.5 s, too short to measure a voice.",
        "Use a recording of at least a few seconds (5-15 s of speech is ideal).");

    public static readonly VoiceCloneErrorDefinition NoSpeechDetected = new(
        "NoSpeechDetected", "feature_extractor", VoiceCloneErrorKind.InvalidData, VoiceCloneErrorCategory.Input,
        "The recording holds less than 0.2 s of voiced speech (digital silence or noise only), so there is no voice to judge or clone.",
        "Check the recording (level, microphone, the right file); Get-VoiceFeature still measures it and warns.");

    public static readonly VoiceCloneErrorDefinition ModelFileMissing = new(
        "ModelFileMissing", "models", VoiceCloneErrorKind.ObjectNotFound, VoiceCloneErrorCategory.Model,
        "A model (SwiftF0, Silero VAD, Qwen3-TTS) was asked for but its files are not where the module looks, are incomplete, or cannot be loaded; the message lists what is missing.",
        "Put the files where models/README.md says (or pass -ModelPath), or leave the option out to use the built-in algorithm or engine.");

    public static readonly VoiceCloneErrorDefinition ModelDownloadFailed = new(
        "ModelDownloadFailed", "model_installer", VoiceCloneErrorKind.ResourceUnavailable, VoiceCloneErrorCategory.Io,
        "A model download did not complete: the server failed or stalled, a file arrived short or with the wrong sha256, had no checksum to verify, or the checksum list was unusable; nothing was installed.",
        "Run the command again: what arrived intact is resumed. For a source without checksums add -AllowUnverified.");

    public static readonly VoiceCloneErrorDefinition TrainingDataInvalid = new(
        "TrainingDataInvalid", "emotion_trainer", VoiceCloneErrorKind.InvalidData, VoiceCloneErrorCategory.Input,
        "An emotion training manifest cannot be used: unknown labels, wrong columns, too few recordings of an emotion, or one speaker only.",
        "Fix the manifest line the message names; use -ExcludeEmotion for labels outside the seven.");

    public static readonly VoiceCloneErrorDefinition EmotionModelIncompatible = new(
        "EmotionModelIncompatible", "emotion", VoiceCloneErrorKind.InvalidData, VoiceCloneErrorCategory.Model,
        "The emotion model file is missing, damaged, or was trained on another feature version or label set than this module computes.",
        "Retrain it, or leave out -ModelPath to use the model that ships with the module.");

    public static readonly VoiceCloneErrorDefinition OutputExists = new(
        "OutputExists", "module", VoiceCloneErrorKind.WriteError, VoiceCloneErrorCategory.Io,
        "The output already exists and was left untouched.",
        "Choose another output path, or add -Force to replace it.");

    public static readonly VoiceCloneErrorDefinition AudioWriteFailed = new(
        "AudioWriteFailed", "wav_writer", VoiceCloneErrorKind.WriteError, VoiceCloneErrorCategory.Io,
        "An audio file could not be written; nothing partial was left behind.",
        "Check free space and write permission on the output folder.");

    public static readonly VoiceCloneErrorDefinition FingerprintInvalid = new(
        "FingerprintInvalid", "fingerprint", VoiceCloneErrorKind.InvalidData, VoiceCloneErrorCategory.Input,
        "A JSON file is not a VoiceClone fingerprint (malformed JSON, foreign document or missing required keys).",
        "Pass only cloned_<id>.json files written by New-VoiceClone; the message names the defect.");

    public static readonly VoiceCloneErrorDefinition FingerprintTooLarge = new(
        "FingerprintTooLarge", "fingerprint", VoiceCloneErrorKind.LimitsExceeded, VoiceCloneErrorCategory.Input,
        "A file is far larger than any fingerprint, so it was not parsed.",
        "Check that the path points at a fingerprint, not at audio or a log.");

    public static readonly VoiceCloneErrorDefinition FingerprintReadFailed = new(
        "FingerprintReadFailed", "fingerprint", VoiceCloneErrorKind.ReadError, VoiceCloneErrorCategory.Io,
        "A fingerprint file could not be opened or read.",
        "Check that the file is readable by the current user.");

    public static readonly VoiceCloneErrorDefinition TextInvalid = new(
        "TextInvalid", "voice_clone", VoiceCloneErrorKind.InvalidArgument, VoiceCloneErrorCategory.Input,
        "The text to speak is empty, has nothing speakable, or is longer than 10,000 characters.",
        "Pass words to speak; split very long text into several -Text values.");

    public static readonly VoiceCloneErrorDefinition SynthesizerMissing = new(
        "SynthesizerMissing", "default_engine", VoiceCloneErrorKind.NotInstalled, VoiceCloneErrorCategory.Dependency,
        "The default engine found no base synthesiser (flite, espeak-ng, Windows SAPI voices, macOS say), or VOICECLONE_FLITE or VOICECLONE_ESPEAK_NG names a file that does not exist.",
        "Debian/Ubuntu: 'sudo apt-get install flite espeak-ng'; macOS: 'brew install flite espeak-ng'; Windows: SAPI voices come with Windows, or install espeak-ng; fix or clear the variable.");

    public static readonly VoiceCloneErrorDefinition LanguageUnsupported = new(
        "LanguageUnsupported", "default_engine", VoiceCloneErrorKind.NotInstalled, VoiceCloneErrorCategory.Dependency,
        "No installed base voice of the default engine speaks the text's language (-Language, else detected from the text), or the text is in a script that language is not written in; the message says what to install.",
        "Install a voice for the language (espeak-ng speaks 100+ languages; Windows: the language's speech pack; macOS: a system voice), pass -Language, or use -Engine Qwen3.");

    public static readonly VoiceCloneErrorDefinition SynthesisFailed = new(
        "SynthesisFailed", "voice_clone", VoiceCloneErrorKind.ResourceUnavailable, VoiceCloneErrorCategory.Unknown,
        "The engine produced no usable speech within the retries its policy allows (it failed, timed out, or its output failed validation).",
        "Read the attempts in logs/runs/<run-id>.json; try a cleaner reference or shorter text.");

    public static readonly VoiceCloneErrorDefinition VoiceProfileInvalid = new(
        "VoiceProfileInvalid", "voice_profile", VoiceCloneErrorKind.InvalidData, VoiceCloneErrorCategory.Input,
        "A voice profile file is not a VoiceClone profile, is damaged, or was made with a different model than the one in use.",
        "Make the profile again with New-VoiceProfile and the same -ModelPath you clone with.");

    public static readonly VoiceCloneErrorDefinition ConfigurationInvalid = new(
        "ConfigurationInvalid", "configuration", VoiceCloneErrorKind.InvalidArgument, VoiceCloneErrorCategory.Input,
        "A configuration value cannot be used (for example a log directory that cannot be created).",
        "Pass a folder the current user can create and write.");

    public static readonly VoiceCloneErrorDefinition AudioDeviceUnavailable = new(
        "AudioDeviceUnavailable", "audio_device", VoiceCloneErrorKind.ResourceUnavailable, VoiceCloneErrorCategory.Dependency,
        "No sound device could be used: no sound system or device (a server, a container, a scheduled task), no device matching -Device, or a device that stopped answering within 5 s.",
        "Run Get-VoiceAudioDevice to see the devices; on Linux start PulseAudio or PipeWire (or set PULSE_SERVER), on Windows check the Windows Audio service and the microphone privacy setting.");

    public static readonly VoiceCloneErrorDefinition RunNotFound = new(
        "RunNotFound", "runs", VoiceCloneErrorKind.ObjectNotFound, VoiceCloneErrorCategory.Input,
        "No run log has the run id asked for (Get-VoiceCloneRun -Id, Compare-VoiceCloneRun with an id) in the log folder read.",
        "List the runs with Get-VoiceCloneRun; pass -LogDirectory when the logs are elsewhere.");

    public static readonly VoiceCloneErrorDefinition ReportWriteFailed = new(
        "ReportWriteFailed", "runs", VoiceCloneErrorKind.WriteError, VoiceCloneErrorCategory.Io,
        "The run report could not be written (no permission, no space, a bad path); nothing partial was left behind.",
        "Check free space and write permission on the report's folder, or choose another -Path.");

    public static readonly VoiceCloneErrorDefinition BatchShardInvalid = new(
        "BatchShardInvalid", "batch", VoiceCloneErrorKind.InvalidArgument, VoiceCloneErrorCategory.Input,
        "A batch task's shard cannot be used: -ShardIndex without -ShardCount or the reverse, an empty index (its environment variable is unset), a count below 1, an index outside 0 to count - 1, or -ShardRoot with -Manifest.",
        "Pass both, with 0 <= ShardIndex < ShardCount: submit Slurm arrays as --array=0-(n-1); Kubernetes indexed Jobs count from 0.");

    public static readonly VoiceCloneErrorDefinition BatchManifestInvalid = new(
        "BatchManifestInvalid", "batch", VoiceCloneErrorKind.InvalidData, VoiceCloneErrorCategory.Input,
        "A batch manifest (-Manifest) cannot be used: not CSV, a required column missing (path; for cloning reference, text and id), an empty cell, an id that cannot be a file name, or a path or id listed twice.",
        "Fix the line the message names; relative paths are relative to the manifest's folder.");

    public static readonly VoiceCloneErrorDefinition BatchResultInvalid = new(
        "BatchResultInvalid", "batch", VoiceCloneErrorKind.InvalidData, VoiceCloneErrorCategory.Input,
        "A batch result file (JSON Lines under -ResultPath) holds a line that is not a VoiceClone result: damaged, edited, or another program's file. Only a last line cut short by a crash is passed over.",
        "Remove the line the message names (its input is analysed again on the next run), or keep other files out of the result folder.");

    public static readonly VoiceCloneErrorDefinition BatchResultWriteFailed = new(
        "BatchResultWriteFailed", "batch", VoiceCloneErrorKind.WriteError, VoiceCloneErrorCategory.Io,
        "Results could not be written under -ResultPath (no space, no permission, the share went away); the results written before stay done.",
        "Free space or fix the permissions, then run the same command again: it goes on from the last result written.");

    public static readonly VoiceCloneErrorDefinition UnexpectedError = new(
        "UnexpectedError", "module", VoiceCloneErrorKind.InvalidData, VoiceCloneErrorCategory.Unknown,
        "An internal failure the module did not anticipate; the full stack trace is in the log file.",
        "Report it with the lines around it from logs/app.log.");

    public static IReadOnlyList<VoiceCloneErrorDefinition> All { get; } =
    [
        PathNotFound, PathNotFileSystem, PathNotRegularFile, AudioFormatUnsupported, AudioFileMalformed, AudioReadFailed,
        AudioTooLong, AudioTooShort, NoSpeechDetected, ModelFileMissing, ModelDownloadFailed, TrainingDataInvalid, EmotionModelIncompatible, OutputExists, AudioWriteFailed, FingerprintInvalid, FingerprintTooLarge, FingerprintReadFailed,
        TextInvalid, SynthesizerMissing, LanguageUnsupported, SynthesisFailed, VoiceProfileInvalid, ConfigurationInvalid, AudioDeviceUnavailable,
        RunNotFound, ReportWriteFailed, BatchShardInvalid, BatchManifestInvalid, BatchResultInvalid, BatchResultWriteFailed, UnexpectedError,
    ];
}

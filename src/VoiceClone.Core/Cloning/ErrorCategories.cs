namespace VoiceClone.Core.Cloning;

/// <summary>The run log's error categories: input, io, model, dependency, timeout, resource, unknown.</summary>
public static class ErrorCategories
{
    public static string For(VoiceCloneErrorDefinition error) => error.ErrorId switch
    {
        "PathNotFound" or "PathNotFileSystem" or "AudioFormatUnsupported" or "AudioFileMalformed" or "AudioTooShort"
            or "TextInvalid" or "ConfigurationInvalid" or "VoiceProfileInvalid" => "input",
        "AudioReadFailed" or "AudioWriteFailed" or "OutputExists" or "FingerprintReadFailed" => "io",
        "ModelFileMissing" or "EmotionModelIncompatible" => "model",
        "SynthesizerMissing" => "dependency",
        "AudioTooLong" => "resource",
        _ => "unknown",
    };
}

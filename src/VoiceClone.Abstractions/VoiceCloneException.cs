namespace VoiceClone;

/// <summary>
/// The one exception type the engine throws for expected failures. It lives in Abstractions so the
/// cmdlets (default load context) can catch what Core (the module's own context) throws.
/// </summary>
public sealed class VoiceCloneException : Exception
{
    public VoiceCloneException(VoiceCloneErrorDefinition error, string message, string? targetPath = null, Exception? inner = null)
        : base(message, inner)
    {
        Error = error;
        TargetPath = targetPath;
    }

    public VoiceCloneErrorDefinition Error { get; }
    public string ErrorId => Error.ErrorId;
    public string? TargetPath { get; }
}

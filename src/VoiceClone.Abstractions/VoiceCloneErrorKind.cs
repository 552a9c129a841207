namespace VoiceClone;

/// <summary>What kind of failure an error is; the cmdlets map it to PowerShell's ErrorCategory.</summary>
public enum VoiceCloneErrorKind
{
    ObjectNotFound,
    InvalidArgument,
    InvalidData,
    NotImplemented,
    ReadError,
    WriteError,
    ResourceUnavailable,
    LimitsExceeded,
    OperationStopped,
    NotInstalled,
}

using System.Management.Automation;

namespace VoiceClone.PowerShell;

/// <summary>Turns the engine's errors into ErrorRecords with stable ErrorIds.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(VoiceCloneException e, object? target) =>
        new(e, e.ErrorId, Category(e.Error.Kind), target ?? e.TargetPath)
        {
            ErrorDetails = new ErrorDetails(e.Message) { RecommendedAction = e.Error.Remedy },
        };

    public static ErrorRecord Create(VoiceCloneErrorDefinition error, string message, object? target, Exception? inner = null) =>
        From(new VoiceCloneException(error, message, target as string, inner), target);

    public static ErrorCategory Category(VoiceCloneErrorKind kind) => kind switch
    {
        VoiceCloneErrorKind.ObjectNotFound => ErrorCategory.ObjectNotFound,
        VoiceCloneErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
        VoiceCloneErrorKind.InvalidData => ErrorCategory.InvalidData,
        VoiceCloneErrorKind.NotImplemented => ErrorCategory.NotImplemented,
        VoiceCloneErrorKind.ReadError => ErrorCategory.ReadError,
        VoiceCloneErrorKind.WriteError => ErrorCategory.WriteError,
        VoiceCloneErrorKind.ResourceUnavailable => ErrorCategory.ResourceUnavailable,
        VoiceCloneErrorKind.LimitsExceeded => ErrorCategory.LimitsExceeded,
        VoiceCloneErrorKind.OperationStopped => ErrorCategory.OperationStopped,
        VoiceCloneErrorKind.NotInstalled => ErrorCategory.NotInstalled,
        _ => ErrorCategory.NotSpecified,
    };
}

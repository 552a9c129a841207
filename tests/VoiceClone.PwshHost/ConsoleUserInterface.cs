using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text.RegularExpressions;

namespace VoiceClone.PwshHost;

/// <summary>
/// Non-interactive console UI: output to stdout, errors/warnings/verbose/debug to stderr, no colour
/// escape codes, no prompts (a prompt is an error, as under pwsh -NonInteractive).
/// </summary>
internal sealed partial class ConsoleUserInterface : PSHostUserInterface
{
    // CSI and OSC escape sequences (the formatter's table-header styling, $PSStyle colours).
    [GeneratedRegex(@"\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\))")]
    private static partial Regex EscapeSequence();

    private static string Plain(string text) => text.Contains('\x1b') ? EscapeSequence().Replace(text, "") : text;

    public override PSHostRawUserInterface RawUI { get; } = new ConsoleRawUserInterface();

    public override void Write(string value) => Console.Out.Write(Plain(value));
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Console.Out.Write(Plain(value));
    public override void WriteLine(string value) => Console.Out.WriteLine(Plain(value));
    public override void WriteErrorLine(string value) => Console.Error.WriteLine(Plain(value));
    public override void WriteDebugLine(string message) => Console.Error.WriteLine("DEBUG: " + Plain(message));
    public override void WriteVerboseLine(string message) => Console.Error.WriteLine("VERBOSE: " + Plain(message));
    public override void WriteWarningLine(string message) => Console.Error.WriteLine("WARNING: " + Plain(message));
    // Every information record is announced here; PowerShell itself displays (through WriteLine) those its preference lets through.
    public override void WriteInformation(InformationRecord record) { }
    public override void WriteProgress(long sourceId, ProgressRecord record) { /* no progress bars in a non-interactive host */ }

    public override string ReadLine() => throw NonInteractive();
    public override SecureString ReadLineAsSecureString() => throw NonInteractive();
    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw NonInteractive();
    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw NonInteractive();
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw NonInteractive();
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
        PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw NonInteractive();

    private static PSInvalidOperationException NonInteractive() =>
        new("This host is non-interactive and cannot prompt. Pass the value as a parameter (or -Confirm:$false).");
}

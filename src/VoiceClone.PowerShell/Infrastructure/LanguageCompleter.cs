using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace VoiceClone.PowerShell;

/// <summary>Completes -Language with the languages the engines speak (auto, english, german, ...).</summary>
public sealed class LanguageCompleter : IArgumentCompleter
{
    private static readonly string[] Languages =
        ["auto", "english", "chinese", "german", "french", "spanish", "italian", "portuguese", "russian", "japanese", "korean"];

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Languages.Where(l => l.StartsWith(wordToComplete.Trim('\'', '"'), StringComparison.OrdinalIgnoreCase))
            .Select(l => new CompletionResult(l, l, CompletionResultType.ParameterValue, l));
}

using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// Tab completion for New-VoiceClone -BaseVoice: the default engine's installed base voices (backend:voice), those of
/// -Language first when it is given, each with its language and gender as the tooltip.
/// </summary>
public sealed class BaseVoiceCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string typed = wordToComplete.Trim('\'', '"');
        string? language = fakeBoundParameters["Language"] as string;
        return VoiceCloneCmdlet.Runtime.Cloning.BaseVoices()
            .Where(v => v.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase)
                || v.Name.Contains(":" + typed, StringComparison.OrdinalIgnoreCase))
            .OrderBy(v => language is not null && (v.Language.StartsWith(language, StringComparison.OrdinalIgnoreCase)
                || v.LanguageName.Equals(language, StringComparison.OrdinalIgnoreCase)) ? 0 : 1)
            .Select(v => new CompletionResult(v.Name.Contains(' ') ? $"'{v.Name}'" : v.Name, v.Name, CompletionResultType.ParameterValue,
                $"{v.LanguageName} ({v.Language}), {v.Gender.ToLowerInvariant()}, {v.Backend}"));
    }
}

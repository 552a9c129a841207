using System.Text.RegularExpressions;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace VoiceClone.Architecture.Tests;

/// <summary>
/// Core speaks of options; only the PowerShell layer (and the error table's advice) names cmdlet parameters. Read from the
/// compiled IL: every string literal in Core against every parameter the cmdlets declare.
/// </summary>
public sealed class CoreMessageTests
{
    [Fact]
    public void Core_messages_name_no_cmdlet_parameter()
    {
        string[] parameters = CmdletParameterNames();
        Assert.Contains("Force", parameters); // the scan found the cmdlets' parameters
        var named = new Regex(@"(?<![\w-])-(" + string.Join("|", parameters) + @")\b");

        string[] offenders = CoreStringLiterals().Where(s => named.IsMatch(s)).Distinct().ToArray();

        Assert.True(offenders.Length == 0, "Core messages that name a cmdlet parameter:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_scan_sees_a_parameter_named_in_a_string()
    {
        var named = new Regex(@"(?<![\w-])-(" + string.Join("|", CmdletParameterNames()) + @")\b");
        Assert.Matches(named, "add -Force to replace it");
        Assert.DoesNotMatch(named, "a cross-Force field, --force, -Forced");
    }

    private static string[] CmdletParameterNames()
    {
        using var cmdlets = AssemblyDefinition.ReadAssembly(Path.Combine(AppContext.BaseDirectory, "VoiceClone.PowerShell.dll"));
        return cmdlets.MainModule.Types
            .SelectMany(t => t.Properties)
            .Where(p => p.CustomAttributes.Any(a => a.AttributeType.Name == "ParameterAttribute"))
            .Select(p => p.Name)
            .Distinct()
            .ToArray();
    }

    private static IEnumerable<string> CoreStringLiterals()
    {
        using var core = AssemblyDefinition.ReadAssembly(typeof(VoiceClone.Core.Runtime.VoiceCloneRuntime).Assembly.Location);
        foreach (TypeDefinition type in core.MainModule.GetTypes())
        {
            foreach (MethodDefinition method in type.Methods.Where(m => m.HasBody))
            {
                foreach (Instruction instruction in method.Body.Instructions)
                {
                    if (instruction.OpCode == OpCodes.Ldstr) yield return (string)instruction.Operand;
                }
            }
        }
    }
}

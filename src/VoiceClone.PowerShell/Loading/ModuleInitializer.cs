using System.Management.Automation;
using System.Runtime.CompilerServices;

namespace VoiceClone.PowerShell.Loading;

/// <summary>
/// Runs on every Import-Module (once per runspace that imports). The bridge goes in first, in a method
/// that names no Core type, because the JIT resolves a method's types before running it.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    public static string ModuleRoot { get; } = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;

    public void OnImport()
    {
        ModuleDependencies.Install(ModuleRoot);
        StartModule();
    }

    public void OnRemove(PSModuleInfo module) => StopModule();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StartModule() => ModuleState.OnImport(ModuleRoot);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StopModule() => ModuleState.OnRemove();
}

using System.Reflection;
using System.Runtime.Loader;

namespace VoiceClone.PowerShell.Loading;

/// <summary>
/// Installs the load-context bridge once per process: the default context's Resolving event hands
/// out VoiceClone.Core from <see cref="DependencyLoadContext"/>. Deliberately free of PowerShell
/// types so a plain .NET process can install it too (the isolation test does).
/// </summary>
public static class ModuleDependencies
{
    public const string DependenciesFolder = "dependencies";
    private const string CoreAssemblyName = "VoiceClone.Core";
    private static readonly object Gate = new();
    private static DependencyLoadContext? _context;

    /// <summary>The module's context, once installed.</summary>
    public static AssemblyLoadContext? LoadContext => _context;

    /// <summary>Idempotent. Throws FileNotFoundException naming the folder when dependencies/ is incomplete.</summary>
    public static void Install(string moduleRoot)
    {
        lock (Gate)
        {
            if (_context is not null) return;
            string corePath = Path.Combine(moduleRoot, DependenciesFolder, CoreAssemblyName + ".dll");
            if (!File.Exists(corePath) || !File.Exists(Path.ChangeExtension(corePath, ".deps.json")))
            {
                throw new FileNotFoundException(
                    $"VoiceClone's dependencies are missing: expected {corePath} and its .deps.json. " +
                    "Rebuild the module (./build.sh Build) or reinstall it.",
                    corePath);
            }
            _context = new DependencyLoadContext(moduleRoot, corePath);
            AssemblyLoadContext.Default.Resolving += ResolveCoreFromModuleContext;
        }
    }

    /// <summary>Loads VoiceClone.Core through the module context (for the isolation test and diagnostics).</summary>
    public static Assembly LoadCore() =>
        (_context ?? throw new InvalidOperationException("ModuleDependencies.Install has not run."))
            .LoadFromAssemblyName(new AssemblyName(CoreAssemblyName));

    private static Assembly? ResolveCoreFromModuleContext(AssemblyLoadContext defaultContext, AssemblyName name) =>
        name.Name == CoreAssemblyName ? LoadCore() : null;
}

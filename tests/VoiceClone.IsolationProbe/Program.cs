using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;

// Usage: VoiceClone.IsolationProbe <moduleDir> <logDir> [--no-isolation]
// Prints what loaded where; exit 0 when the module's code ran, 3 when it failed to load its dependencies.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: VoiceClone.IsolationProbe <moduleDir> <logDir> [--no-isolation]");
    return 2;
}
string moduleDir = Path.GetFullPath(args[0]);
string logDir = Path.GetFullPath(args[1]);
bool isolated = !args.Contains("--no-isolation");

// What another module (or PowerShell itself) already holds in the default context.
Console.WriteLine($"runtime {Environment.Version}");
Console.WriteLine($"default: {Describe(typeof(ImmutableArray).Assembly)}");
Console.WriteLine($"default: {Describe(typeof(Serilog.Log).Assembly)}");

try
{
    // As Import-Module does: the cmdlet assembly loads into the default context from the module root.
    Assembly cmdlets = Assembly.LoadFrom(Path.Combine(moduleDir, "VoiceClone.PowerShell.dll"));
    Assembly core;
    if (isolated)
    {
        Type bridge = cmdlets.GetType("VoiceClone.PowerShell.Loading.ModuleDependencies", throwOnError: true)!;
        bridge.GetMethod("Install")!.Invoke(null, [moduleDir]);
        core = (Assembly)bridge.GetMethod("LoadCore")!.Invoke(null, null)!;
    }
    else
    {
        core = Assembly.LoadFrom(Path.Combine(moduleDir, "dependencies", "VoiceClone.Core.dll"));
    }
    Console.WriteLine($"core: {Describe(core)}");

    // ML.NET first: it needs System.Collections.Immutable 9, the conflict that motivated the load context.
    Type check = core.GetType("VoiceClone.Core.Diagnostics.DependencyCheck", throwOnError: true)!;
    Console.WriteLine("trained: " + check.GetMethod("TrainTinyModel")!.Invoke(null, null));

    Environment.SetEnvironmentVariable("VOICECLONE_LOG_DIR", logDir);
    Type log = core.GetType("VoiceClone.Core.Telemetry.ModuleLog", throwOnError: true)!;
    log.GetMethod("Configure")!.Invoke(null, [moduleDir, null]);
    Type level = LoadAbstractionsType(moduleDir, "VoiceClone.ModuleLogLevel");
    log.GetMethod("Write")!.Invoke(null, [Enum.Parse(level, "Information"), "isolation_probe", "isolation probe wrote this line", null]);
    log.GetMethod("Shutdown")!.Invoke(null, null);

    foreach (Assembly a in AssemblyLoadContext.GetLoadContext(core)!.Assemblies.OrderBy(a => a.GetName().Name))
    {
        Console.WriteLine($"module: {Describe(a)}");
    }
    Console.WriteLine("result: module code ran");
    return 0;
}
catch (Exception e)
{
    for (Exception? x = e; x is not null; x = x.InnerException)
    {
        if (x is not TargetInvocationException) Console.WriteLine($"result: failed with {x.GetType().Name}: {x.Message}");
    }
    return 3;
}

static string Describe(Assembly a) =>
    $"{a.GetName().Name} {a.GetName().Version} in '{AssemblyLoadContext.GetLoadContext(a)?.Name}'";

static Type LoadAbstractionsType(string moduleDir, string name) =>
    Assembly.LoadFrom(Path.Combine(moduleDir, "VoiceClone.Abstractions.dll")).GetType(name, throwOnError: true)!;

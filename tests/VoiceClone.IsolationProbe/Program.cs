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
        // PowerShell has the public types in the default context already (its cmdlets' parameters and outputs use them).
        Assembly.LoadFrom(Path.Combine(moduleDir, "VoiceClone.Abstractions.dll"));
        core = Assembly.LoadFrom(Path.Combine(moduleDir, "dependencies", "VoiceClone.Core.dll"));
    }
    Console.WriteLine($"core: {Describe(core)}");

    // Through the runtime's entry point, as a cmdlet would: ML.NET loads the shipped emotion model, which needs
    // System.Collections.Immutable 9, the conflict that motivated the load context.
    Environment.SetEnvironmentVariable("VOICECLONE_LOG_DIR", logDir);
    Type runtimeType = core.GetType("VoiceClone.Core.Runtime.VoiceCloneRuntime", throwOnError: true)!;
    var runtime = (IDisposable)Activator.CreateInstance(runtimeType, moduleDir, logDir)!;
    object emotion = runtimeType.GetProperty("Emotion")!.GetValue(runtime)!;
    object recognizer = emotion.GetType().GetMethod("Prepare")!.Invoke(emotion, [null])!;
    string clip = WriteTone(Path.Combine(logDir, "probe-tone.wav"));
    object result = recognizer.GetType().GetMethod("Recognize")!.Invoke(recognizer, [clip])!;
    Console.WriteLine("classified: " + result.GetType().GetProperty("Emotion")!.GetValue(result));

    object logs = runtimeType.GetProperty("Logs")!.GetValue(runtime)!;
    Type level = LoadAbstractionsType(moduleDir, "VoiceClone.ModuleLogLevel");
    logs.GetType().GetMethod("Write")!.Invoke(logs, [Enum.Parse(level, "Information"), "isolation_probe", "isolation probe wrote this line", null]);
    runtime.Dispose();

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

// One second of a 150 Hz harmonic voice, 16 kHz 16-bit mono WAV.
static string WriteTone(string path)
{
    const int rate = 16000;
    using var writer = new BinaryWriter(File.Create(path));
    writer.Write("RIFF"u8); writer.Write(36 + 2 * rate); writer.Write("WAVEfmt "u8); writer.Write(16);
    writer.Write((short)1); writer.Write((short)1); writer.Write(rate); writer.Write(2 * rate); writer.Write((short)2); writer.Write((short)16);
    writer.Write("data"u8); writer.Write(2 * rate);
    for (int i = 0; i < rate; i++)
    {
        double v = 0;
        for (int k = 1; k <= 6; k++) v += Math.Sin(2 * Math.PI * 150 * k * i / rate) / k;
        writer.Write((short)(6000 * v));
    }
    return path;
}

static Type LoadAbstractionsType(string moduleDir, string name) =>
    Assembly.LoadFrom(Path.Combine(moduleDir, "VoiceClone.Abstractions.dll")).GetType(name, throwOnError: true)!;

using System.Reflection;
using System.Runtime.Loader;

namespace VoiceClone.PowerShell.Loading;

/// <summary>
/// The module's own load context (the "bridge" pattern for PowerShell dependency conflicts): Core and
/// every package it needs (ML.NET's System.Collections.Immutable 9, ONNX Runtime, Serilog, ...) load
/// from dependencies/ as listed in Core's .deps.json, whatever versions PowerShell or other modules
/// already hold. Abstractions is shared with the default context so result types keep one identity.
/// </summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private const string SharedAssemblyName = "VoiceClone.Abstractions";
    private readonly AssemblyDependencyResolver _resolver;

    private readonly string _sharedAssemblyPath;

    public DependencyLoadContext(string moduleRoot, string coreAssemblyPath) : base("VoiceClone", isCollectible: false)
    {
        _resolver = new AssemblyDependencyResolver(coreAssemblyPath);
        _sharedAssemblyPath = Path.Combine(moduleRoot, SharedAssemblyName + ".dll");
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name == SharedAssemblyName) return SharedFromDefaultContext();
        string? path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    // The default context's copy (the one the cmdlets and scripts see), loaded from the module root if
    // nothing has asked for it yet; the default context cannot find it on its own from there.
    private Assembly SharedFromDefaultContext() =>
        Default.Assemblies.FirstOrDefault(a => a.GetName().Name == SharedAssemblyName)
        ?? Default.LoadFromAssemblyPath(_sharedAssemblyPath);

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        // An absolute path: on Windows a bare name would let an older onnxruntime.dll in System32 win.
        string? path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

}

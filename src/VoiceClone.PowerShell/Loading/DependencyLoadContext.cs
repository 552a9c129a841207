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

    public DependencyLoadContext(string coreAssemblyPath) : base("VoiceClone", isCollectible: false)
    {
        CoreAssemblyPath = coreAssemblyPath;
        _resolver = new AssemblyDependencyResolver(coreAssemblyPath);
    }

    public string CoreAssemblyPath { get; }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name == SharedAssemblyName) return null; // the default context's copy
        string? path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        // An absolute path: on Windows a bare name would let an older onnxruntime.dll in System32 win.
        string? path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

}

using System.Diagnostics;
using VoiceClone.PowerShell.Tests.Support;

namespace VoiceClone.PowerShell.Tests.Loading;

/// <summary>ONNX Runtime's native library comes from the module's dependencies/ folder, not from wherever the OS would look.</summary>
[Collection(EngineCollection.Name)]
public sealed class NativeLibraryTests : IDisposable
{
    private readonly ModuleSession _session = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("voiceclone-native-").FullName;

    public void Dispose()
    {
        _session.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [SkippableFact]
    public void Onnxruntime_loads_by_absolute_path_from_the_module_folder()
    {
        string models = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "models"));
        Skip.IfNot(Directory.Exists(models), "skipped: ../shared/models not found");
        string wav = Path.Combine(_dir, "v.wav");
        TestAudio.WriteVoice(wav, 160, 1.5);
        var f = _session.Invoke(
            $"$env:VOICECLONE_MODELS_DIR = '{models}'; Get-VoiceFeature '{wav}' -PitchAlgorithm SwiftF0 -Vad Silero; " +
            $"$env:VOICECLONE_MODELS_DIR = $null").Single();
        Assert.Equal("SwiftF0", f.Properties["PitchAlgorithm"].Value);
        Assert.Equal("Silero", f.Properties["VadMethod"].Value);

        string dependencies = Path.Combine(RepositoryPaths.ModuleDirectory, "dependencies");
        string[] loaded = OperatingSystem.IsLinux()
            ? File.ReadAllLines("/proc/self/maps")
                .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Last())
                .Where(IsOnnxRuntimeLibrary)
                .Distinct()
                .ToArray()
            : Process.GetCurrentProcess().Modules.Cast<ProcessModule>().Select(m => m.FileName).Where(IsOnnxRuntimeLibrary).ToArray();
        Assert.All(loaded, path => Assert.StartsWith(dependencies, path));
        Assert.Contains(loaded,
            path => path.StartsWith(Path.Combine(dependencies, "runtimes")) && !path.EndsWith("Microsoft.ML.OnnxRuntime.dll"));
    }

    // Its libraries, managed and native (libonnxruntime.so*, onnxruntime.dll, libonnxruntime*.dylib), not files it keeps open.
    private static bool IsOnnxRuntimeLibrary(string path)
    {
        string name = Path.GetFileName(path);
        return name.Contains("onnxruntime", StringComparison.OrdinalIgnoreCase)
            && (name.Contains(".so") || name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".dylib"));
    }
}

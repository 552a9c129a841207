using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Models;

/// <summary>
/// Finds model files by their path under models/ (for example "swift-f0/model.onnx"), first match wins:
/// $VOICECLONE_MODELS_DIR; the repository's models/ when running from a source checkout; the module's own models/
/// (what ships with it, such as the emotion model); the per-user data
/// folder (%LOCALAPPDATA%\VoiceClone\models, or $XDG_DATA_HOME/VoiceClone/models, default ~/.local/share/VoiceClone/models).
/// </summary>
/// <param name="moduleRoot">The loaded module's folder (null outside a module: tests, benches), so a source checkout's models/ is found.</param>
public sealed class ModelLocations(string? moduleRoot)
{
    public const string EnvironmentVariable = "VOICECLONE_MODELS_DIR";
    public const string SwiftF0 = "swift-f0/model.onnx";
    public const string SileroVad = "silero-vad/silero_vad.onnx";

    public string? ModuleRoot => moduleRoot;

    public IReadOnlyList<string> SearchFolders()
    {
        var folders = new List<string>();
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment) folders.Add(Path.GetFullPath(fromEnvironment));
        if (moduleRoot is not null && LogDirectoryResolver.FindSourceCheckout(moduleRoot) is { } checkout) folders.Add(Path.Combine(checkout, "models"));
        if (moduleRoot is not null) folders.Add(Path.Combine(moduleRoot, "models")); // small models that ship inside the module
        folders.Add(PerUserModels());
        return folders;
    }

    public string? Find(string relativePath) =>
        SearchFolders().Select(f => Path.Combine(f, relativePath)).FirstOrDefault(File.Exists);

    /// <summary>The path, or a ModelFileMissing error that lists every place searched.</summary>
    public string Require(string relativePath, string purpose) =>
        Find(relativePath) ?? throw new VoiceCloneException(VoiceCloneErrors.ModelFileMissing,
            $"{purpose} needs the model file '{relativePath}', which is not in any of: {string.Join("; ", SearchFolders())}. See models/README.md.",
            relativePath);

    /// <summary>Where models go by default: $env:VOICECLONE_MODELS_DIR when set, otherwise the per-user models folder.</summary>
    public string InstallRoot() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? Path.GetFullPath(fromEnvironment) : PerUserModels();

    /// <summary>
    /// A model folder: <paramref name="path"/> itself when it exists, else an installed model of that name (its last
    /// segment) in one of <see cref="SearchFolders"/>; otherwise the path unchanged, for the loader to report missing.
    /// </summary>
    public string ResolveFolder(string path) =>
        Directory.Exists(path) ? Path.GetFullPath(path)
            : SearchFolders().Select(f => Path.Combine(f, Path.GetFileName(Path.TrimEndingDirectorySeparator(path)))).FirstOrDefault(Directory.Exists)
              ?? Path.GetFullPath(path);

    private static string PerUserModels()
    {
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "VoiceClone", "models");
        }
        string? xdgData = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        string root = !string.IsNullOrWhiteSpace(xdgData) ? xdgData : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(root, "VoiceClone", "models");
    }
}

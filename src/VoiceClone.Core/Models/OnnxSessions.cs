using Microsoft.ML.OnnxRuntime;
using VoiceClone.Core.Caching;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Models;

/// <summary>
/// One warm ONNX Runtime session per model file and device, created on first use and shared by every call, thread and
/// runspace that uses this store (InferenceSession.Run is thread-safe); the runtime owns one and disposes it.
/// </summary>
public sealed class OnnxSessions : IDisposable
{
    private readonly OnceCache<string, InferenceSession> _sessions = new(StringComparer.Ordinal);

    public const string CudaProvider = "CUDAExecutionProvider";

    /// <summary>Whether this ONNX Runtime build carries the CUDA execution provider (the -Gpu build does; the CPU package does not).</summary>
    public static bool CudaAvailable => OnnxEnvironment.Instance.GetAvailableProviders().Contains(CudaProvider);

    /// <param name="cuda">Append the CUDA execution provider (callers check <see cref="CudaAvailable"/> first); one session per file and device.</param>
    public InferenceSession Get(string modelPath, bool cuda = false)
    {
        string path = Path.GetFullPath(modelPath);
        string key = cuda ? path + "|cuda" : path;
        return _sessions.Get(key, _ => Create(path, cuda)); // a damaged file is not cached, so a replaced one loads
    }

    public int Count => _sessions.Count;

    public bool Contains(string modelPath) => _sessions.Contains(Path.GetFullPath(modelPath));

    public void Dispose()
    {
        foreach (InferenceSession session in _sessions.Clear()) session.Dispose();
    }

    private static InferenceSession Create(string path, bool cuda)
    {
        _ = OnnxEnvironment.Instance; // before any session: ONNX Runtime's own log goes to app.log, not stderr
        using var metrics = ExecutionMetrics.Start("LoadOnnxModel", "models", $"path={path}");
        // One thread per session: callers already run one file per core, so more would only oversubscribe.
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        InferenceSession session;
        try
        {
            if (cuda) options.AppendExecutionProvider_CUDA(0);
            session = new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e) when (cuda)
        {
            metrics.Fail("CudaUnavailable");
            throw new CudaUnavailableException($"CUDA could not run '{Path.GetFileName(path)}': {e.Message}", e);
        }
        catch (OnnxRuntimeException e)
        {
            metrics.Fail(VoiceCloneErrors.ModelFileMissing.ErrorId);
            throw new VoiceCloneException(VoiceCloneErrors.ModelFileMissing, $"'{path}' cannot be loaded as an ONNX model (damaged or the wrong file): {e.Message}", path, e);
        }
        metrics.Complete($"InferenceSession inputs={session.InputMetadata.Count} outputs={session.OutputMetadata.Count}");
        return session;
    }
}

/// <summary>The CUDA execution provider is present but cannot start (no GPU, driver or CUDA libraries); callers fall back to CPU.</summary>
public sealed class CudaUnavailableException(string message, Exception inner) : Exception(message, inner);

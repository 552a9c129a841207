using System.Diagnostics;
using VoiceClone.Core.Runs;

namespace VoiceClone.Core.Runtime;

/// <summary>
/// The run of one batch command (Get-VoiceFeature, Get-VoiceEmotion): each file timed and recorded with what was measured
/// on it, the run log written once the batch is long (<see cref="RunWritePolicy.Batch"/>), and finished by the caller when
/// the call ends however it ends. Thread-safe: files run in parallel.
/// </summary>
public sealed class BatchRun
{
    private readonly RunTracker _tracker;

    internal BatchRun(RunTracker tracker) => _tracker = tracker;

    public string RunId => _tracker.RunId;
    /// <summary>Where the run log was written, once it was (a single quick file writes none).</summary>
    public string? RunLogPath => _tracker.LogPath;

    /// <summary>Ends the run with completed, completed_with_errors, stopped or failed; the first call wins.</summary>
    public void Finish(string status) => _tracker.Finish(status);

    /// <summary>Runs <paramref name="work"/> on one file, recording it as an item described by <paramref name="describe"/>.</summary>
    internal T Item<T>(string name, Func<T> work, Func<T, RunItem> describe)
    {
        _tracker.ItemStarted();
        long start = Stopwatch.GetTimestamp();
        try
        {
            T result = work();
            RunItem item = describe(result);
            item.Name = name;
            item.Status = "completed";
            item.DurationMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            _tracker.Log.Item(item);
            return result;
        }
        catch (VoiceCloneException e)
        {
            Failed(name, start);
            _tracker.Log.Error(name, e);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(name, start);
            _tracker.Log.Error(name, VoiceCloneErrors.UnexpectedError.Category, VoiceCloneErrors.UnexpectedError.ErrorId, e.Message,
                autoRecoverable: false, VoiceCloneErrors.UnexpectedError.Remedy);
            throw;
        }
        finally
        {
            _tracker.Checkpoint();
        }
    }

    private void Failed(string name, long start) =>
        _tracker.Log.Item(new RunItem { Name = name, Status = "failed", DurationMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds });
}

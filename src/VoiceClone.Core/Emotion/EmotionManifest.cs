using VoiceClone.Core.IO;

namespace VoiceClone.Core.Emotion;

/// <summary>
/// Reads a training manifest: CSV with a header naming the columns file, speaker (or actor) and emotion; file paths
/// are relative to the data folder. Every problem is an error naming the line: unknown labels, missing files, a
/// class with too few recordings or too few speakers for leave-one-speaker-out evaluation.
/// </summary>
public static class EmotionManifest
{
    public const int MinimumClipsPerEmotion = 10;

    public static IReadOnlyList<LabelledClip> Read(string dataPath, string manifestPath, IReadOnlyCollection<string> excludedEmotions)
    {
        if (!File.Exists(manifestPath))
        {
            throw new VoiceCloneException(VoiceCloneErrors.PathNotFound, $"Manifest '{manifestPath}' does not exist.", manifestPath);
        }
        RegularFile.Require(manifestPath);
        string[] lines = File.ReadAllLines(manifestPath);
        if (lines.Length < 2) throw Invalid(manifestPath, "it has no rows");
        string[] header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToArray();
        int file = Array.IndexOf(header, "file"), emotion = Array.IndexOf(header, "emotion");
        int speaker = Array.IndexOf(header, "speaker") is int s and >= 0 ? s : Array.IndexOf(header, "actor");
        if (file < 0 || emotion < 0 || speaker < 0)
        {
            throw Invalid(manifestPath, "its header must name the columns file, speaker (or actor) and emotion");
        }

        var clips = new List<LabelledClip>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            string[] cells = lines[i].Split(',');
            if (cells.Length <= Math.Max(file, Math.Max(emotion, speaker)))
            {
                throw Invalid(manifestPath, $"line {i + 1} has {cells.Length} columns");
            }
            string label = cells[emotion].Trim().ToLowerInvariant();
            if (excludedEmotions.Contains(label, StringComparer.OrdinalIgnoreCase)) continue;
            if (!EmotionLabels.All.Contains(label))
            {
                throw Invalid(manifestPath, $"line {i + 1} has the emotion '{cells[emotion].Trim()}'; "
                    + $"the labels are {string.Join(", ", EmotionLabels.All)} (leave other labels out of training)");
            }
            string path = Path.GetFullPath(cells[file].Trim(), dataPath);
            if (!File.Exists(path))
            {
                throw new VoiceCloneException(VoiceCloneErrors.PathNotFound,
                    $"Line {i + 1} of '{manifestPath}' names '{path}', which does not exist.", path);
            }
            clips.Add(new LabelledClip(path, cells[speaker].Trim(), label));
        }

        foreach (string label in EmotionLabels.All)
        {
            int count = clips.Count(c => c.Emotion == label);
            if (count < MinimumClipsPerEmotion)
            {
                throw Invalid(manifestPath,
                    $"the emotion '{label}' has {count} recordings; each of the seven needs at least {MinimumClipsPerEmotion}");
            }
        }
        if (clips.Select(c => c.Speaker).Distinct().Count() < 2)
        {
            throw Invalid(manifestPath, "leave-one-speaker-out evaluation needs at least two speakers");
        }
        return clips;
    }

    private static VoiceCloneException Invalid(string path, string defect) =>
        new(VoiceCloneErrors.TrainingDataInvalid, $"Cannot train from '{path}': {defect}.", path);
}

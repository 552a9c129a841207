namespace VoiceClone.Core.Devices;

/// <summary>Finds the device a -Device value names: an exact name or id first (case-insensitive), then a unique part of a name.</summary>
internal static class AudioDeviceSelector
{
    /// <summary>
    /// The device of <paramref name="kind"/> that <paramref name="requested"/> names; null when nothing was requested (the default).
    /// </summary>
    public static AudioDevice? Select(IReadOnlyList<AudioDevice> devices, AudioDeviceKind kind, string? requested, string backend)
    {
        if (string.IsNullOrWhiteSpace(requested)) return null;
        var ofKind = devices.Where(d => d.Kind == kind).ToList();
        var exact = ofKind.Where(d => Same(d.Id, requested) || Same(d.Name, requested)).ToList();
        if (exact.Count >= 1) return exact[0];
        var partial = ofKind.Where(d => d.Name.Contains(requested, StringComparison.OrdinalIgnoreCase)
            || d.Id.Contains(requested, StringComparison.OrdinalIgnoreCase)).ToList();
        if (partial.Count == 1) return partial[0];
        string noun = kind == AudioDeviceKind.Input ? "input" : "output";
        string known = ofKind.Count == 0 ? $"{backend} reports no {noun} device"
            : $"the {noun}s are: {string.Join("; ", ofKind.Select(d => $"'{d.Name}' ({d.Id})"))}";
        string problem = partial.Count == 0
            ? $"No {noun} device matches '{requested}'"
            : $"'{requested}' matches {partial.Count} {noun} devices";
        throw new VoiceCloneException(VoiceCloneErrors.AudioDeviceUnavailable, $"{problem}; {known}.");
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

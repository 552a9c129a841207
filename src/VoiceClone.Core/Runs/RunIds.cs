using System.Globalization;
using System.Security.Cryptography;

namespace VoiceClone.Core.Runs;

/// <summary>
/// Run ids: UTC start time to the millisecond plus 32 random bits, e.g. 20261123-101502-417-9f3a61c2. They sort by time,
/// so a folder of run logs can be read newest first by name; clone ids share the form, so a run sorts beside its clones.
/// </summary>
public static class RunIds
{
    private const string TimeFormat = "yyyyMMdd-HHmmss-fff";

    public static string New() =>
        $"{DateTime.UtcNow.ToString(TimeFormat, CultureInfo.InvariantCulture)}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}";

    /// <summary>The start time an id carries; null for a name of another form.</summary>
    public static DateTimeOffset? StartOf(string id) =>
        id.Length >= TimeFormat.Length && DateTime.TryParseExact(id[..TimeFormat.Length], TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime start)
            ? new DateTimeOffset(start, TimeSpan.Zero) : null;
}

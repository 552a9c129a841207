namespace VoiceClone.Core.IO;

/// <summary>Folders written beside their destination and moved into place whole.</summary>
public static class StagedFolder
{
    /// <summary>Replaces <paramref name="destination"/> (if any) by the finished <paramref name="staging"/> folder.</summary>
    public static void Replace(string staging, string destination)
    {
        if (Directory.Exists(destination)) Directory.Delete(destination, recursive: true);
        Directory.Move(staging, destination);
    }
}

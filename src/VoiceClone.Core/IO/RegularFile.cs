using System.Runtime.InteropServices;
using System.Text;

namespace VoiceClone.Core.IO;

/// <summary>
/// Refuses what is not a regular file before it is opened: a FIFO named like a recording would block the reader until a
/// writer appears (forever, in a scheduled task), and a device or socket never ends. On Unix the file type comes from
/// stat(2) through the .NET runtime's own native shim (its file-type bits are the same on Linux and macOS); on Windows
/// the attributes tell directories and devices apart.
/// </summary>
public static partial class RegularFile
{
    private const int TypeMask = 0xF000, Regular = 0x8000;
    private const int ModeOffset = 4; // FileStatus: int Flags, int Mode, ...
    private const int StatusBytes = 512; // larger than the runtime's FileStatus on every platform

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static partial int Stat(byte[] utf8Path, byte[] status);

    /// <summary>Throws PathNotRegularFile when <paramref name="path"/> exists and is not a regular file.</summary>
    public static void Require(string path)
    {
        if (Describe(path) is { } kind)
        {
            throw new VoiceCloneException(VoiceCloneErrors.PathNotRegularFile,
                $"'{path}' is {kind}, not a regular file; it was not opened.", path);
        }
    }

    /// <summary>What <paramref name="path"/> is when it exists and is not a regular file ("a FIFO", "a folder"...); else null.</summary>
    public static string? Describe(string path)
    {
        if (Directory.Exists(path)) return "a folder";
        if (OperatingSystem.IsWindows())
        {
            return File.Exists(path) && File.GetAttributes(path).HasFlag(FileAttributes.Device) ? "a device" : null;
        }
        var status = new byte[StatusBytes];
        if (Stat(Encoding.UTF8.GetBytes(path + "\0"), status) != 0) return null; // missing: the open reports it
        return (BitConverter.ToInt32(status, ModeOffset) & TypeMask) switch
        {
            Regular => null,
            0x1000 => "a FIFO (named pipe)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "not a regular file",
        };
    }
}

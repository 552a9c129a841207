using System.Text;

namespace VoiceClone.Core.Tests.Fuzzing;

/// <summary>
/// Mutates valid files the way damage and hostile writers do, reproducibly from a seed: bit flips, random bytes, runs of
/// 0x00/0xFF (sizes of 0 and 4 GiB), truncation, duplicated or deleted spans, and for text formats swapped-in extreme
/// tokens (huge and negative numbers, NaN, nulls, empty arrays, NUL characters).
/// </summary>
internal sealed class SeededMutator(int seed)
{
    private static readonly string[] ExtremeTokens =
        ["1e308", "-1e308", "1e15", "-1", "0", "NaN", "null", "[]", "{}", "\"\"", "\"\\u0000\"", "253402300800", "9223372036854775807", "\"x\""];

    private readonly Random _random = new(seed);

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public byte[] MutateBinary(byte[] original, int headerBytes)
    {
        byte[] bytes = [.. original];
        int edits = 1 + _random.Next(4);
        for (int e = 0; e < edits; e++)
        {
            int at = _random.Next(Math.Min(bytes.Length, headerBytes));
            switch (_random.Next(6))
            {
                case 0: bytes[at] ^= (byte)(1 << _random.Next(8)); break;
                case 1: bytes[at] = (byte)_random.Next(256); break;
                case 2: Fill(bytes, at, 4, 0x00); break;
                case 3: Fill(bytes, at, 4, 0xFF); break;
                case 4: bytes = bytes[..Math.Max(0, bytes.Length - _random.Next(1, Math.Max(2, bytes.Length / 2)))]; break;
                default: bytes = [.. bytes[..at], .. bytes[at..Math.Min(bytes.Length, at + 8)], .. bytes[at..]]; break;
            }
            if (bytes.Length == 0) break;
        }
        return bytes;
    }

    public byte[] MutateText(string original)
    {
        if (_random.Next(3) == 0) return MutateBinary(Encoding.UTF8.GetBytes(original), int.MaxValue);
        // Replace the value after a random ':' with an extreme token, once or twice.
        string text = original;
        for (int e = 1 + _random.Next(2); e > 0; e--)
        {
            int colon = IndexOfNth(text, ':', _random.Next(Math.Max(1, text.Count(c => c == ':'))));
            if (colon < 0) break;
            int end = ValueEnd(text, colon + 1);
            text = text[..(colon + 1)] + ExtremeTokens[_random.Next(ExtremeTokens.Length)] + text[end..];
        }
        return Encoding.UTF8.GetBytes(text);
    }

    private static void Fill(byte[] bytes, int at, int count, byte value)
    {
        for (int i = at; i < Math.Min(bytes.Length, at + count); i++) bytes[i] = value;
    }

    private static int IndexOfNth(string text, char c, int n)
    {
        for (int i = 0; i < text.Length; i++) if (text[i] == c && n-- == 0) return i;
        return -1;
    }

    /// <summary>Where the JSON value starting at <paramref name="start"/> ends (a scalar, or a bracketed value).</summary>
    private static int ValueEnd(string text, int start)
    {
        int depth = 0;
        bool inString = false;
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (inString) { if (c == '\\') i++; else if (c == '"') inString = false; continue; }
            if (c == '"') inString = true;
            else if (c is '[' or '{') depth++;
            else if (c is ']' or '}') { if (depth == 0) return i; depth--; if (depth == 0) return i + 1; }
            else if (c == ',' && depth == 0) return i;
        }
        return text.Length;
    }
}

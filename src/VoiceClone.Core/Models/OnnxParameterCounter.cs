namespace VoiceClone.Core.Models;

/// <summary>
/// Counts a model's parameters: the elements of every weight tensor, read from the ONNX protobuf without loading the
/// weights: graph initializers (GraphProto field 5), tensors held by Constant-style node attributes (NodeProto field 5,
/// AttributeProto fields 5 and 10), and the same inside subgraphs (AttributeProto fields 6 and 11), since exporters put
/// weights in all three places. Tensor data, inline or external, is skipped by seeking.
/// </summary>
public static class OnnxParameterCounter
{
    private const int ModelGraph = 7;
    private const int GraphNode = 1, GraphInitializer = 5;
    private const int NodeAttribute = 5;
    private const int AttributeTensor = 5, AttributeGraph = 6, AttributeTensors = 10, AttributeGraphs = 11;
    private const int TensorDims = 1;
    internal const int Varint = 0, Fixed64 = 1, LengthDelimited = 2, Fixed32 = 5; // protobuf wire types

    public static long Count(string onnxPath)
    {
        using var stream = new FileStream(onnxPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        long total = 0;
        ForEachField(stream, stream.Length, (field, wire, end) =>
        {
            if (field != ModelGraph || wire != LengthDelimited) return false;
            total += Graph(stream, end);
            return true;
        });
        return total;
    }

    private static long Graph(Stream stream, long end)
    {
        long total = 0;
        ForEachField(stream, end, (field, wire, fieldEnd) =>
        {
            if (wire != LengthDelimited) return false;
            if (field == GraphInitializer) total += Elements(stream, fieldEnd);
            else if (field == GraphNode) total += Node(stream, fieldEnd);
            else return false;
            return true;
        });
        return total;
    }

    private static long Node(Stream stream, long end)
    {
        long total = 0;
        ForEachField(stream, end, (field, wire, fieldEnd) =>
        {
            if (field != NodeAttribute || wire != LengthDelimited) return false;
            ForEachField(stream, fieldEnd, (attributeField, attributeWire, attributeEnd) =>
            {
                if (attributeWire != LengthDelimited) return false;
                if (attributeField is AttributeTensor or AttributeTensors) total += Elements(stream, attributeEnd);
                else if (attributeField is AttributeGraph or AttributeGraphs) total += Graph(stream, attributeEnd);
                else return false;
                return true;
            });
            return true;
        });
        return total;
    }

    private static long Elements(Stream stream, long end)
    {
        long elements = 1;
        ForEachField(stream, end, (field, wire, fieldEnd) =>
        {
            if (field != TensorDims) return false;
            if (wire == Varint)
            {
                elements *= (long)ReadVarint(stream);
                return true;
            }
            if (wire != LengthDelimited) return false;
            while (stream.Position < fieldEnd) elements *= (long)ReadVarint(stream); // packed dims
            return true;
        });
        return elements;
    }

    /// <summary>
    /// Calls <paramref name="visit"/> for each field up to <paramref name="end"/> with its number, wire type and (for
    /// length-delimited fields) end offset; a visitor that returns false leaves the field to be skipped.
    /// </summary>
    internal static void ForEachField(Stream stream, long end, Func<int, int, long, bool> visit)
    {
        while (stream.Position < end)
        {
            ulong key = ReadVarint(stream);
            int field = (int)(key >> 3), wire = (int)(key & 7);
            long fieldEnd = wire switch
            {
                Varint => -1,
                Fixed64 => stream.Position + 8,
                LengthDelimited => (long)ReadVarint(stream) + stream.Position,
                Fixed32 => stream.Position + 4,
                _ => throw new InvalidDataException($"Unsupported protobuf wire type {wire} at offset {stream.Position}."),
            };
            bool handled = visit(field, wire, fieldEnd);
            if (wire == Varint)
            {
                if (!handled) ReadVarint(stream);
            }
            else
            {
                stream.Position = fieldEnd; // skip what the visitor did not read
            }
        }
    }

    internal static ulong ReadVarint(Stream stream)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            int b = stream.ReadByte();
            if (b < 0) throw new EndOfStreamException("Truncated protobuf varint.");
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw new InvalidDataException("Malformed protobuf varint.");
    }
}

using System.Text;
using static VoiceClone.Core.Models.OnnxParameterCounter;

namespace VoiceClone.Core.Models;

/// <summary>
/// What an ONNX file needs beside it and which operators it uses, read from the protobuf without loading weights:
/// the external data files its tensors name (TensorProto field 13, key "location", relative to the model's folder) and
/// the operator types of its nodes (NodeProto field 4, with the domain, field 7, for non-standard ones), in the main
/// graph and every subgraph. Large exports keep their weights in such files; int4 exports use com.microsoft.MatMulNBits.
/// </summary>
public sealed record OnnxFileScan(IReadOnlyList<string> ExternalDataFiles, IReadOnlySet<string> Operators)
{
    private const int ModelGraph = 7;
    private const int GraphNode = 1, GraphInitializer = 5, GraphSparseInitializer = 15;
    private const int NodeOpType = 4, NodeAttribute = 5, NodeDomain = 7;
    private const int AttributeTensor = 5, AttributeGraph = 6, AttributeTensors = 10, AttributeGraphs = 11;
    private const int AttributeSparseTensor = 22, AttributeSparseTensors = 23;
    private const int SparseValues = 1, SparseIndices = 2;
    private const int TensorExternalData = 13, EntryKey = 1, EntryValue = 2;

    /// <summary>Whether any node is an int4 matrix product (com.microsoft.MatMulNBits).</summary>
    public bool HasMatMulNBits => Operators.Contains("com.microsoft.MatMulNBits");

    /// <exception cref="InvalidDataException">The file is not a readable protobuf.</exception>
    public static OnnxFileScan Read(string onnxPath)
    {
        using var stream = new FileStream(onnxPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        var files = new List<string>();
        var operators = new HashSet<string>(StringComparer.Ordinal);
        ForEachField(stream, stream.Length, (field, wire, end) =>
        {
            if (field != ModelGraph || wire != LengthDelimited) return false;
            Graph(stream, end, files, operators);
            return true;
        });
        return new OnnxFileScan(files.Distinct(StringComparer.Ordinal).ToList(), operators);
    }

    private static void Graph(Stream stream, long end, List<string> files, HashSet<string> operators)
    {
        ForEachField(stream, end, (field, wire, fieldEnd) =>
        {
            if (wire != LengthDelimited) return false;
            if (field == GraphInitializer) Tensor(stream, fieldEnd, files);
            else if (field == GraphSparseInitializer) Sparse(stream, fieldEnd, files);
            else if (field == GraphNode) Node(stream, fieldEnd, files, operators);
            else return false;
            return true;
        });
    }

    private static void Node(Stream stream, long end, List<string> files, HashSet<string> operators)
    {
        string opType = "", domain = "";
        ForEachField(stream, end, (field, wire, fieldEnd) =>
        {
            if (wire != LengthDelimited) return false;
            if (field == NodeOpType) opType = ReadString(stream, fieldEnd);
            else if (field == NodeDomain) domain = ReadString(stream, fieldEnd);
            else if (field == NodeAttribute) Attribute(stream, fieldEnd, files, operators);
            else return false;
            return true;
        });
        operators.Add(domain is "" or "ai.onnx" ? opType : $"{domain}.{opType}");
    }

    private static void Attribute(Stream stream, long end, List<string> files, HashSet<string> operators)
    {
        ForEachField(stream, end, (field, wire, fieldEnd) =>
        {
            if (wire != LengthDelimited) return false;
            if (field is AttributeTensor or AttributeTensors) Tensor(stream, fieldEnd, files);
            else if (field is AttributeSparseTensor or AttributeSparseTensors) Sparse(stream, fieldEnd, files);
            else if (field is AttributeGraph or AttributeGraphs) Graph(stream, fieldEnd, files, operators);
            else return false;
            return true;
        });
    }

    private static void Sparse(Stream stream, long end, List<string> files) =>
        ForEachField(stream, end, (field, wire, fieldEnd) =>
        {
            if (wire != LengthDelimited || field is not (SparseValues or SparseIndices)) return false;
            Tensor(stream, fieldEnd, files);
            return true;
        });

    private static void Tensor(Stream stream, long end, List<string> files) =>
        ForEachField(stream, end, (field, wire, fieldEnd) =>
        {
            if (field != TensorExternalData || wire != LengthDelimited) return false;
            string key = "", value = "";
            ForEachField(stream, fieldEnd, (entryField, entryWire, entryEnd) =>
            {
                if (entryWire != LengthDelimited) return false;
                if (entryField == EntryKey) key = ReadString(stream, entryEnd);
                else if (entryField == EntryValue) value = ReadString(stream, entryEnd);
                else return false;
                return true;
            });
            if (key == "location" && value.Length > 0) files.Add(value);
            return true;
        });

    private static string ReadString(Stream stream, long end)
    {
        var bytes = new byte[end - stream.Position];
        stream.ReadExactly(bytes);
        return Encoding.UTF8.GetString(bytes);
    }
}

#!/usr/bin/env python3
"""Derives precision variants of the qwen3-tts-tiny conformance fixture, for the tests and the bench (never committed).

usage: qwen3_fixture_variants.py <fixture folder> <output folder> <variant>...

Each variant becomes a model folder <output folder>/<variant>: the fixture's text files plus one precision folder.
  external  cpu_fp32/: the same graphs with every initializer in <graph>.onnx_data beside the graph
  fp16      cpu_fp16/: every float32 graph input and output carried as float16, converted by Cast nodes at the graph
            boundary; weights and internal compute stay float32 (the I/O of a half-precision export, KV cache included)
  int4      cpu_int4/: in talker_cache and code_predictor, each MatMul by a constant 2-D weight whose depth is a multiple
            of 16 becomes com.microsoft MatMulNBits (4-bit, blocks of 16 along K, symmetric: zero point 8,
            scale = block max |w| / 7); the other graphs are copied

Needs the onnx Python package (Debian: apt-get install python3-onnx) and numpy.
"""
import os
import shutil
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

GRAPHS = ["text_embed", "codec_embed", "talker_cache", "code_predictor",
          "residual_embed", "speaker_encoder", "tok_encoder", "tok_decoder"]
INT4_GRAPHS = {"talker_cache", "code_predictor"}
BLOCK = 16  # MatMulNBits needs a power of two >= 16


def copy_text_files(fixture, folder):
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(fixture):
        if os.path.isfile(os.path.join(fixture, name)) and not name.endswith(".md"):
            shutil.copy(os.path.join(fixture, name), folder)


def each_graph(graph):
    """The graph and every subgraph held by a node attribute (If, Loop, Scan bodies)."""
    yield graph
    for node in graph.node:
        for attribute in node.attribute:
            if attribute.type == onnx.AttributeProto.GRAPH:
                yield from each_graph(attribute.g)
            for sub in attribute.graphs:
                yield from each_graph(sub)


def rename(graph, old, new):
    """Renames a tensor everywhere it is produced, consumed or described (not graph inputs/outputs)."""
    for g in each_graph(graph):
        for node in g.node:
            for i, name in enumerate(node.input):
                if name == old:
                    node.input[i] = new
            for i, name in enumerate(node.output):
                if name == old:
                    node.output[i] = new
        for info in g.value_info:
            if info.name == old:
                info.name = new


def float16_boundary(model):
    graph = model.graph
    before, after = [], []
    for value in graph.input:
        if value.type.tensor_type.elem_type == TensorProto.FLOAT:
            inside = value.name + "_float32"
            rename(graph, value.name, inside)
            before.append(helper.make_node("Cast", [value.name], [inside], to=TensorProto.FLOAT, name=inside + "_cast"))
            value.type.tensor_type.elem_type = TensorProto.FLOAT16
    for value in graph.output:
        if value.type.tensor_type.elem_type == TensorProto.FLOAT:
            inside = value.name + "_float32"
            rename(graph, value.name, inside)
            after.append(helper.make_node("Cast", [inside], [value.name], to=TensorProto.FLOAT16, name=inside + "_cast"))
            value.type.tensor_type.elem_type = TensorProto.FLOAT16
    nodes = before + list(graph.node) + after
    del graph.node[:]
    graph.node.extend(nodes)


def quantize_int4(weight):
    """[K, N] float32 -> (uint8 [N, K/16, 8] two codes a byte, low nibble first; float32 scales [N, K/16])."""
    k, n = weight.shape
    blocks = weight.T.reshape(n, k // BLOCK, BLOCK)
    scales = np.abs(blocks).max(axis=2) / 7.0
    scales[scales == 0] = 1.0
    codes = np.clip(np.rint(blocks / scales[:, :, None]) + 8, 0, 15).astype(np.uint8)
    packed = codes[:, :, 0::2] | (codes[:, :, 1::2] << 4)
    return packed, scales.astype(np.float32)


def matmul_nbits(model):
    graph = model.graph
    weights = {tensor.name: tensor for tensor in graph.initializer}
    replaced, nodes = 0, []
    for node in graph.node:
        weight = weights.get(node.input[1]) if node.op_type == "MatMul" else None
        if weight is None or len(weight.dims) != 2 or weight.dims[0] % BLOCK != 0:
            nodes.append(node)
            continue
        k, n = weight.dims
        packed, scales = quantize_int4(numpy_helper.to_array(weight))
        name = f"{node.output[0]}_q4"
        graph.initializer.extend([numpy_helper.from_array(packed, name + "_B"), numpy_helper.from_array(scales, name + "_scales")])
        nodes.append(helper.make_node("MatMulNBits", [node.input[0], name + "_B", name + "_scales"], list(node.output),
                                      name=name, domain="com.microsoft", K=k, N=n, bits=4, block_size=BLOCK))
        replaced += 1
    del graph.node[:]
    graph.node.extend(nodes)
    used = {name for node in graph.node for name in node.input}
    unused = [tensor for tensor in graph.initializer if tensor.name not in used]
    for tensor in unused:
        graph.initializer.remove(tensor)
    model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    return replaced


def derive(fixture, output, variant):
    source = os.path.join(fixture, "cpu_fp32")
    folder = os.path.join(output, variant)
    precision = {"external": "cpu_fp32", "fp16": "cpu_fp16", "int4": "cpu_int4"}[variant]
    graphs = os.path.join(folder, precision)
    os.makedirs(graphs, exist_ok=True)
    copy_text_files(fixture, folder)
    for name in GRAPHS:
        model = onnx.load(os.path.join(source, name + ".onnx"))
        target = os.path.join(graphs, name + ".onnx")
        if variant == "external":
            onnx.save_model(model, target, save_as_external_data=True, all_tensors_to_one_file=True,
                            location=name + ".onnx_data", size_threshold=0)
            continue
        if variant == "fp16":
            float16_boundary(model)
        elif name in INT4_GRAPHS:
            print(f"{name}: {matmul_nbits(model)} MatMul -> MatMulNBits")
        onnx.save_model(model, target)
    print(f"{variant}: {folder}")


def main(argv):
    if len(argv) < 4:
        print(__doc__)
        return 64
    for variant in argv[3:]:
        derive(argv[1], argv[2], variant)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

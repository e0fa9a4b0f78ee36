namespace iAyos.Messaging.Onnx.Bench.Binding;

/// <summary>TEMPORARY: the old C API binding, copied here only to benchmark it beside the package.</summary>
public sealed record BindingModel(string Kind, int Version, OnnxSession Session);

using System.Runtime.CompilerServices;

// The runtime tests check the function-table mapping through the internal OrtApi.
[assembly: InternalsVisibleTo("iAyos.Messaging.Onnx.Tests")]

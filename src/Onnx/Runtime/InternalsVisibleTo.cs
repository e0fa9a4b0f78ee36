using System.Runtime.CompilerServices;

// The runtime tests check the execution-provider messages with a made-up provider list.
[assembly: InternalsVisibleTo("iAyos.Messaging.Onnx.Tests")]

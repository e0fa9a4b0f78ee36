using iAyos.Messaging.Onnx.Writer;

namespace iAyos.Messaging.Onnx.Bench;

/// <summary>
/// Seed 001's price network as ONNX: 60 inputs -> LSTM(64, sequences) -> LSTM(32) -> Dense(16, relu) -> Dense(3),
/// one time step, random weights (latency does not depend on their values).
/// </summary>
public static class PriceLstmModel
{
    public const int Features = 60;

    public static byte[] Build(int seed = 42)
    {
        var random = new Random(seed);
        float[] Values(int n) => Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 0.2 - 0.1)).ToArray();
        return new OnnxGraphBuilder("price_lstm")
            .AddInput("features", null, Features)
            .AddInitializer("to_sequence", new long[] { 1, -1, Features }, 3)
            .AddInitializer("W1", Values(4 * 64 * Features), 1, 256, Features).AddInitializer("R1", Values(4 * 64 * 64), 1, 256, 64).AddInitializer("B1", Values(8 * 64), 1, 512)
            .AddInitializer("seq_batch_64", new long[] { 0, -1, 64 }, 3)
            .AddInitializer("W2", Values(4 * 32 * 64), 1, 128, 64).AddInitializer("R2", Values(4 * 32 * 32), 1, 128, 32).AddInitializer("B2", Values(8 * 32), 1, 256)
            .AddInitializer("batch_32", new long[] { -1, 32 }, 2)
            .AddInitializer("D1", Values(32 * 16), 32, 16).AddInitializer("d1", Values(16), 16)
            .AddInitializer("D2", Values(16 * 3), 16, 3).AddInitializer("d2", Values(3), 3)
            .AddNode("Reshape", ["features", "to_sequence"], ["x"])
            .AddNode("LSTM", ["x", "W1", "R1", "B1"], ["Y1"], OnnxAttribute.Int("hidden_size", 64))
            .AddNode("Reshape", ["Y1", "seq_batch_64"], ["X2"])
            .AddNode("LSTM", ["X2", "W2", "R2", "B2"], ["", "H2"], OnnxAttribute.Int("hidden_size", 32))
            .AddNode("Reshape", ["H2", "batch_32"], ["h"])
            .AddNode("MatMul", ["h", "D1"], ["z1"]).AddNode("Add", ["z1", "d1"], ["a1"]).AddNode("Relu", ["a1"], ["r1"])
            .AddNode("MatMul", ["r1", "D2"], ["z2"]).AddNode("Add", ["z2", "d2"], ["prices"])
            .AddOutput("prices", null, 3)
            .ToModelBytes();
    }
}

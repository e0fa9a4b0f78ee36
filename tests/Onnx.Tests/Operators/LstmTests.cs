using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Onnx.Writer;

namespace iAyos.Messaging.Onnx.Tests.Operators;

/// <summary>ONNX's LSTM operator (gates i, o, f, c) against a C# reference, one layer and stacked.</summary>
public class LstmTests
{
    [Fact]
    public void A_two_step_sequence_with_hand_set_weights_matches_the_reference()
    {
        // hidden 1, input 1: each gate's weights chosen by hand so the gates differ (i, o, f, c).
        float[] w = [0.5f, -0.3f, 0.8f, 0.2f];
        float[] r = [0.1f, 0.4f, -0.2f, 0.6f];
        float[] b = [0.05f, 0.0f, 0.3f, -0.1f, 0.0f, 0.02f, 0.0f, 0.0f];
        float[] x = [1.0f, -0.5f]; // [seq 2, batch 1, input 1]
        var graph = new OnnxGraphBuilder("lstm").AddInput("x", 2, null, 1)
            .AddInitializer("W", w, 1, 4, 1).AddInitializer("R", r, 1, 4, 1).AddInitializer("B", b, 1, 8)
            .AddNode("LSTM", ["x", "W", "R", "B"], ["Y", "Y_h"], OnnxAttribute.Int("hidden_size", 1))
            .AddOutput("Y", 2, 1, null, 1).AddOutput("Y_h", 1, null, 1);

        using var session = OnnxSession.FromBytes(graph.ToModelBytes());
        var outputs = session.Run("x", new OnnxTensor(x, 2, 1, 1));
        var expected = Reference.Lstm(x, w, r, b, seq: 2, batch: 1, input: 1, hidden: 1);

        Assert.Equal(expected.Y[0], outputs[0].Data[0], 5);
        Assert.Equal(expected.Y[1], outputs[0].Data[1], 5);
        Assert.Equal(expected.LastH[0], outputs[1].Data[0], 5);
        // Hand check of step 1 (H0 = C0 = 0): i = s(0.5 + 0.05), o = s(-0.3 + 0.02), c~ = tanh(0.2 - 0.1);
        // C = i c~ (f multiplies C0 = 0), H = o tanh(C)
        var step1 = Reference.Sigmoid(-0.28) * Math.Tanh(Reference.Sigmoid(0.55) * Math.Tanh(0.1));
        Assert.Equal(step1, outputs[0].Data[0], 5);
    }

    [Fact]
    public void Two_stacked_layers_over_three_steps_match_the_reference()
    {
        const int seq = 3, batch = 2, input = 4, h1 = 5, h2 = 3;
        var x = Reference.Values(seq * batch * input, 11);
        var w1 = Reference.Values(4 * h1 * input, 12);
        var r1 = Reference.Values(4 * h1 * h1, 13);
        var b1 = Reference.Values(8 * h1, 14);
        var w2 = Reference.Values(4 * h2 * h1, 15);
        var r2 = Reference.Values(4 * h2 * h2, 16);
        var b2 = Reference.Values(8 * h2, 17);
        var graph = new OnnxGraphBuilder("stacked").AddInput("x", seq, null, input)
            .AddInitializer("W1", w1, 1, 4 * h1, input).AddInitializer("R1", r1, 1, 4 * h1, h1).AddInitializer("B1", b1, 1, 8 * h1)
            .AddInitializer("W2", w2, 1, 4 * h2, h1).AddInitializer("R2", r2, 1, 4 * h2, h2).AddInitializer("B2", b2, 1, 8 * h2)
            .AddInitializer("seq_batch_hidden", new long[] { 0, -1, h1 }, 3)
            .AddNode("LSTM", ["x", "W1", "R1", "B1"], ["Y1"], OnnxAttribute.Int("hidden_size", h1))
            // Y1 is [seq, directions 1, batch, h1]; the next layer wants [seq, batch, h1] (return_sequences).
            .AddNode("Reshape", ["Y1", "seq_batch_hidden"], ["X2"])
            .AddNode("LSTM", ["X2", "W2", "R2", "B2"], ["", "Y_h"], OnnxAttribute.Int("hidden_size", h2))
            .AddOutput("Y_h", 1, null, h2);

        using var session = OnnxSession.FromBytes(graph.ToModelBytes());
        var actual = session.Run("x", new OnnxTensor(x, seq, batch, input))[0].Data;
        var first = Reference.Lstm(x, w1, r1, b1, seq, batch, input, h1);
        var second = Reference.Lstm(first.Y, w2, r2, b2, seq, batch, h1, h2);

        Assert.Equal(second.LastH.Length, actual.Length);
        for (var i = 0; i < actual.Length; i++)
            Assert.True(Math.Abs(second.LastH[i] - actual[i]) <= 1e-5, $"[{i}] {second.LastH[i]} vs {actual[i]}");
    }
}

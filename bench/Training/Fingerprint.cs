using System.Security.Cryptography;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;
using iAyos.Messaging.Engine.Losses;
using iAyos.Messaging.Engine.Optimizers;
using iAyos.Messaging.Engine.Training;
using iAyos.Messaging.Training.JobBoard.Networks;

namespace iAyos.Messaging.Training.Bench;

/// <summary>
/// Hashes of the weights and predictions after training a few engine networks (ConvFM; Conv1D + pooling; LSTM + Dense +
/// BatchNorm + Dropout with L2): run before and after an engine optimization, equal hashes show it changed no result
/// bit for bit.
///   dotnet run -c Release --project bench/Training -- fingerprint
/// </summary>
public static class Fingerprint
{
    public static int Run(string[] args)
    {
        var r = new Random(5);
        var (cx, cy) = ConvFmEpoch.Data(3000, r);
        var convfm = new ConvFmNetwork(ConvFmEpoch.Users, ConvFmEpoch.Jobs, ConvFmEpoch.Locations, ConvFmEpoch.Companies, ConvFmEpoch.Skills, ConvFmEpoch.MaxSkills, new Random(6));
        Trainer.Fit(convfm, new BinaryCrossEntropy(), new Adam(convfm.Parameters), cx, cy, null, null, new TrainingOptions { Epochs = 2, Seed = 7 });
        Console.WriteLine($"convfm {Hash(convfm.Weights)} predict {Hash(convfm.Predict(cx.Select(t => TensorRows.Slice(t, 0, 500)).ToArray()).Data)}");

        var x = Rand(r, 300, 7, 6);
        var y = Rand(r, 300, 3);
        foreach (var (name, net) in new (string, Network)[]
        {
            ("conv", new Network(new Conv1D("c1", 6, 9, 3, Conv1DPadding.Same, r), new Activation("a", ActivationKind.Relu), new Conv1D("c2", 9, 5, 2, Conv1DPadding.Valid, r),
                new GlobalAveragePooling1D("p"), new Dense("d", 5, 3, r))),
            ("lstm", new Network(new Lstm("l1", 6, 17, r, returnSequences: true), new Lstm("l2", 17, 11, r), new Dense("d1", 11, 40, r),
                new BatchNormalization("bn", 40), new Activation("a", ActivationKind.Relu), new Dropout("dr", 0.3), new Dense("d2", 40, 3, r))),
        })
        {
            Trainer.Fit(net, new MeanSquaredError(), new Adam(net.Parameters, l2: 1e-3), x, y, null, null, new TrainingOptions { Epochs = 3, BatchSize = 16, Seed = 8 });
            Console.WriteLine($"{name} {Hash(net.Weights)} predict {Hash(net.Predict(x).Data)}");
        }
        return 0;
    }

    private static Tensor Rand(Random r, params int[] shape)
    {
        var t = Tensor.Zeros(shape);
        for (var i = 0; i < t.Length; i++) t.Data[i] = (float)(r.NextDouble() - 0.5);
        return t;
    }

    private static string Hash(IEnumerable<NamedTensor> weights) => Hash(weights.SelectMany(w => w.Value.Data).ToArray());

    private static string Hash(float[] values) =>
        Convert.ToHexString(SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan())))[..16];
}

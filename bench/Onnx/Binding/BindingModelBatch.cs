
namespace iAyos.Messaging.Onnx.Bench.Binding;

/// <summary>Runs rows of equal width through a model as one [rows, width] input and splits the output per row.</summary>
public static class BindingModelBatch
{
    public static float[][] Run(BindingModel model, string inputName, string outputName, IReadOnlyList<float[]> rows)
    {
        if (rows.Count == 0) return [];
        var width = rows[0].Length;
        var input = new float[rows.Count * width];
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != width)
                throw new ArgumentException($"Row {r} has {rows[r].Length} features, the batch {width}.", nameof(rows));
            rows[r].CopyTo(input, r * width);
        }
        var output = model.Session.Run(inputName, new OnnxTensor(input, rows.Count, width), [outputName])[0];
        if (output.Data.Length % rows.Count != 0)
            throw new ArgumentException($"Model {model.Kind} v{model.Version} returned {output.Data.Length} values for {rows.Count} rows.");
        var perRow = output.Data.Length / rows.Count;
        var results = new float[rows.Count][];
        for (var r = 0; r < rows.Count; r++)
            results[r] = output.Data.AsSpan(r * perRow, perRow).ToArray();
        return results;
    }
}

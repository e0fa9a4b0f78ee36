using iAyos.Messaging.Contracts.Training;
using iAyos.Messaging.Predictions.Validation;

namespace iAyos.Messaging.Gateway.Training;

/// <summary>Body of the train endpoints; every field optional (the seed's <c>{"min_samples": 100, "epochs": 100}</c>).</summary>
public sealed record TrainRequest
{
    /// <summary>Only read by <c>POST /api/ml/train</c>; defaults to the default kind (completion-time, as in the seed).</summary>
    public string? Kind { get; init; }
    public int? Epochs { get; init; }
    public int? BatchSize { get; init; }
    public int? MinSamples { get; init; }
    public bool? Force { get; init; }
    public string? CsvFile { get; init; }
    public string? SplitFile { get; init; }
    public string? Configuration { get; init; }

    public Validated<TrainingParameters> Validate()
    {
        var errors = new FieldErrors();
        errors.Range("epochs", Epochs, 1, 1000);
        errors.Range("batch_size", BatchSize, 1, 4096);
        errors.Range("min_samples", MinSamples, 1, 10_000_000);
        DataPath(errors, "csv_file", CsvFile);
        DataPath(errors, "split_file", SplitFile);
        ConfigurationName(errors, Configuration);
        if (!errors.IsEmpty)
            return new Validated<TrainingParameters>(null, errors.ToDictionary());

        var defaults = new TrainingParameters();
        return new Validated<TrainingParameters>(new TrainingParameters
        {
            Epochs = Epochs ?? defaults.Epochs,
            BatchSize = BatchSize ?? defaults.BatchSize,
            MinSamples = MinSamples ?? defaults.MinSamples,
            Force = Force ?? false,
            CsvFile = CsvFile,
            SplitFile = SplitFile,
            Configuration = Configuration,
        }, errors.ToDictionary());
    }

    /// <summary>Files are named relative to the TrainingWorker's data directory (e.g. <c>splits/a.split.json</c>);
    /// an absolute path or a ".." segment could escape it. The worker checks again where the path lands.</summary>
    private static void DataPath(FieldErrors errors, string field, string? value)
    {
        if (value is null)
            return;
        var segments = value.Split('/');
        if (value.Length is 0 or > 200 || value.StartsWith('/') || value.Contains('\\') || value.Contains(':')
            || value.Any(char.IsControl) || segments.Any(s => s.Length == 0 || s.StartsWith('.')))
            errors.Add(field, "must be a relative path inside the training data directory (no '..', no leading '/').");
    }

    /// <summary>A configuration is named (e.g. <c>seed</c>); the run row stores the name, and PostgreSQL refuses a NUL in text.</summary>
    private static void ConfigurationName(FieldErrors errors, string? value)
    {
        if (value is not null && (value.Length is 0 or > 50 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            errors.Add("configuration", "must be a configuration name of 1 to 50 letters, digits, '-' or '_'.");
    }
}

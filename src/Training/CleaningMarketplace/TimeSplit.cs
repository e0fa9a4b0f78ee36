namespace iAyos.Messaging.Training.CleaningMarketplace;

/// <summary>
/// Rows in posting order cut by time: the last <c>testShare</c> held out as test, the last <c>validationShare</c>
/// of the rest as validation (early stopping and selection only), the remainder fitted on.
/// </summary>
public sealed record TimeSplit<T>(IReadOnlyList<T> Fit, IReadOnlyList<T> Validation, IReadOnlyList<T> Test)
{
    public static TimeSplit<T> Cut(IReadOnlyList<T> rowsInTimeOrder, double testShare, double validationShare)
    {
        ArgumentNullException.ThrowIfNull(rowsInTimeOrder);
        if (testShare is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(testShare));
        if (validationShare is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(validationShare));
        var train = (int)Math.Round(rowsInTimeOrder.Count * (1 - testShare), MidpointRounding.AwayFromZero);
        var fit = (int)Math.Round(train * (1 - validationShare), MidpointRounding.AwayFromZero);
        return new TimeSplit<T>(
            rowsInTimeOrder.Take(fit).ToList(),
            rowsInTimeOrder.Skip(fit).Take(train - fit).ToList(),
            rowsInTimeOrder.Skip(train).ToList());
    }

    /// <summary>Fit and validation: the training part.</summary>
    public IEnumerable<T> Training => Fit.Concat(Validation);
}

using iAyos.Messaging.Predictions.Categories;

namespace iAyos.Messaging.Predictions.Models;

/// <summary>What a prediction reads besides its request: the category statistics the estimators and features
/// use (and the names a category id stands for), and the time the request is answered at.</summary>
public sealed record PredictionContext(CategoryCatalog Categories, DateTimeOffset Now);

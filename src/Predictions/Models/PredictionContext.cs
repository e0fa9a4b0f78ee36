using iAyos.Messaging.Predictions.Categories;
using iAyos.Messaging.Predictions.Text;

namespace iAyos.Messaging.Predictions.Models;

/// <summary>What a prediction reads besides its request: the category statistics the estimators and features
/// use (and the names a category id stands for), the time the request is answered at, and the sentence encoder
/// of a process that runs one (null in the Gateway, whose estimators read no embeddings).</summary>
public sealed record PredictionContext(CategoryCatalog Categories, DateTimeOffset Now, ITextEmbedder? Text = null);

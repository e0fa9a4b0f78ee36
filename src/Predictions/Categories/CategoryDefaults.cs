namespace iAyos.Messaging.Predictions.Categories;

/// <summary>A category's seeded defaults (<c>iayos.categories</c>), before any observed job moves them.</summary>
public sealed record CategoryDefaults(int Id, string Name, decimal MinPrice, decimal AvgPrice, decimal MaxPrice, double Hours);

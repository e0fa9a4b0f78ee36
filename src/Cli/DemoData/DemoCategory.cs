namespace iAyos.Messaging.Cli.DemoData;

/// <summary>A row of <c>iayos.categories</c> as the demo generator needs it: its average price (PHP) and usual hours.</summary>
public sealed record DemoCategory(int Id, string Name, decimal AvgPrice, double Hours);

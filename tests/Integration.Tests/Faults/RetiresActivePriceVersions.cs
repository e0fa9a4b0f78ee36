using Dapper;
using iAyos.Messaging.Predictions.PriceBudget;

namespace iAyos.Messaging.Integration.Tests.Faults;

/// <summary>For tests whose run activates a price model: later tests exercise the price estimators, so retire it.</summary>
public abstract class RetiresActivePriceVersions : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE ml.model_versions SET status = 'retired' WHERE kind = @kind AND status = 'active'", new { kind = PriceBudgetKind.KindName });
    }
}

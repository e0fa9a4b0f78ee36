using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using iAyos.Messaging.Platform.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace iAyos.Messaging.Integration.Tests;

[Collection(StackCollection.Name)]
public class When_services_start(Stack stack)
{
    [Fact]
    public async Task Should_apply_each_migration_once_when_several_start_at_the_same_time()
    {
        var database = "iayos_migrations_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = TestInfrastructure.Database())
            await admin.CreateCommand($"CREATE DATABASE {database}").ExecuteNonQueryAsync();
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(TestInfrastructure.PostgresConnectionString) { Database = database, Pooling = false }.ConnectionString;
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            var migrations = Migration.Embedded();

            var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
                new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(migrations)));

            Assert.Equal(migrations.Count, applied.Sum());
            Assert.Equal(1, applied.Count(a => a > 0));
            await using var connection = await dataSource.OpenConnectionAsync();
            var versions = (await connection.QueryAsync<int>("SELECT version FROM public.schema_migrations ORDER BY version")).ToList();
            Assert.Equal(migrations.Select(m => m.Version), versions);
            Assert.Equal(20, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM iayos.categories"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = TestInfrastructure.Database();
            await admin.CreateCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)").ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Should_report_ready_with_database_and_broker_checked()
    {
        var live = await stack.Http.GetAsync("/health/live");
        var ready = await stack.Http.GetFromJsonAsync<JsonElement>("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("rabbitmq").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Should_serve_an_openapi_document_listing_the_endpoints()
    {
        var document = await stack.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[]
                 {
                     "/api/ml/predict-price", "/api/ml/price-model-status", "/api/ml/train-price-model",
                     "/api/ml/predict-completion-time", "/api/ml/model-status", "/api/ml/train", "/api/ml/reload-model",
                     "/api/ml/dataset-stats", "/api/ml/predict-worker-rating", "/api/ml/worker-rating-model-status",
                     "/api/ml/train-worker-rating-model", "/api/recommendations/recompute-scores",
                     "/api/ml/predict-for-job/{job_id}", "/api/ml/worker-rating-for-profile/{id}",
                 })
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI should list {path}");
    }
}

using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Predictions.WorkerRating;

namespace iAyos.Messaging.Integration.Tests;

[Collection(StackCollection.Name)]
public class When_model_versions_are_activated(Stack stack) : IAsyncLifetime
{
    /// <summary>A real kind (the Gateway only activates kinds the platform serves); retired again after the test.</summary>
    private const string Kind = WorkerRatingKind.KindName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => stack.RetireActiveVersionsAsync(Kind);

    [Fact]
    public async Task Should_activate_roll_back_and_refuse_a_corrupted_artifact()
    {
        await using var db = TestInfrastructure.Database();
        var registry = new ModelRegistry(db);
        var first = await RegisterAsync(registry, "first model");
        var second = await RegisterAsync(registry, "second model");
        Assert.Equal(first + 1, second);

        await ActivateAsync(first, HttpStatusCode.OK);
        await ActivateAsync(second, HttpStatusCode.OK);
        Assert.Equal(("retired", "active"), await StatusesAsync(first, second));

        // Rollback is activating the older version.
        await ActivateAsync(first, HttpStatusCode.OK);
        Assert.Equal(("active", "retired"), await StatusesAsync(first, second));

        // An artifact altered after registration is refused; the active version stays.
        await File.AppendAllTextAsync(Path.Combine(TestInfrastructure.ArtifactsDirectory, $"{Kind}-{second}.onnx"), "tampered");
        var refused = await stack.Admin.PostAsync($"/api/models/{Kind}/{second}/activate", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("sha256", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(("active", "retired"), await StatusesAsync(first, second));

        var overview = await stack.Http.GetFromJsonAsync<JsonElement>("/api/models");
        Assert.Equal(first, overview.EnumerateArray().Single(k => k.GetProperty("kind").GetString() == Kind).GetProperty("active_version").GetInt32());
    }

    [Theory]
    [InlineData("/api/models/horoscope", HttpStatusCode.BadRequest)]
    [InlineData("/api/models/price-budget/0/activate", HttpStatusCode.BadRequest)]
    [InlineData("/api/models/price-budget/99999/activate", HttpStatusCode.NotFound)]
    public async Task Should_answer_problems_for_bad_kinds_and_versions(string path, HttpStatusCode expected)
    {
        var response = path.EndsWith("/activate") ? await stack.Admin.PostAsync(path, null) : await stack.Http.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
    }

    private async Task<int> RegisterAsync(ModelRegistry registry, string content)
    {
        // The version number is only known once registered: write under a temporary name, then rename.
        var temporary = Path.Combine(TestInfrastructure.ArtifactsDirectory, Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(temporary, content);
        var sha = await ModelArtifacts.Sha256Async(temporary, CancellationToken.None);
        var version = await registry.RegisterAsync(new ModelVersionDraft(Kind, "pending", sha, "{}", """{"mae": 1.5}""", "test"), CancellationToken.None);
        var name = $"{Kind}-{version}.onnx";
        File.Move(temporary, Path.Combine(TestInfrastructure.ArtifactsDirectory, name));
        await using var db = TestInfrastructure.Database();
        await using var command = db.CreateCommand("UPDATE ml.model_versions SET artifact_path = $1 WHERE kind = $2 AND version = $3");
        command.Parameters.AddWithValue(name);
        command.Parameters.AddWithValue(Kind);
        command.Parameters.AddWithValue(version);
        await command.ExecuteNonQueryAsync();
        return version;
    }

    private async Task ActivateAsync(int version, HttpStatusCode expected)
    {
        var response = await stack.Admin.PostAsync($"/api/models/{Kind}/{version}/activate", null);
        Assert.Equal(expected, response.StatusCode);
    }

    private async Task<(string, string)> StatusesAsync(int first, int second)
    {
        var body = await stack.Http.GetFromJsonAsync<JsonElement>($"/api/models/{Kind}");
        var versions = body.GetProperty("versions").EnumerateArray().ToDictionary(v => v.GetProperty("version").GetInt32(), v => v.GetProperty("status").GetString()!);
        return (versions[first], versions[second]);
    }
}

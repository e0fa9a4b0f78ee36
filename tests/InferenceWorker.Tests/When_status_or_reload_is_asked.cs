using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Models;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Tests;

public class When_status_or_reload_is_asked
{
    [Fact]
    public async Task Should_report_which_instance_serves_what()
    {
        await using var inference = await InferenceHarness.StartAsync();

        var response = await inference.Client<GetModelStatus>().GetResponse<ModelStatus>(new GetModelStatus { Kind = ModelKinds.PriceBudget });

        Assert.Equal(InferenceHarness.Instance.Id, response.Message.InstanceId);
        Assert.False(response.Message.ModelLoaded);
        Assert.Equal("fallback", response.Message.Source);
        Assert.Equal(1, response.Message.CategoriesKnown);
    }

    [Fact]
    public async Task Should_refuse_an_unknown_kind()
    {
        await using var inference = await InferenceHarness.StartAsync();

        await Assert.ThrowsAsync<RequestFaultException>(() =>
            inference.Client<GetModelStatus>().GetResponse<ModelStatus>(new GetModelStatus { Kind = "horoscope" }));
    }

    [Fact]
    public async Task Should_refresh_the_categories_on_reload()
    {
        await using var inference = await InferenceHarness.StartAsync();

        await inference.Harness.Bus.Publish(new ReloadModels { RequestId = NewId.NextGuid(), RequestedAt = DateTimeOffset.UtcNow });

        Assert.True(await inference.Harness.Consumed.Any<ReloadModels>());
        Assert.Equal(1, inference.Catalog.Refreshes);
        Assert.NotNull(inference.Catalog.RefreshedAt);
    }
}

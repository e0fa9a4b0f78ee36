namespace iAyos.Messaging.Gateway.Tests.Security;

public class When_the_gateway_starts_without_a_usable_configuration
{
    [Theory]
    [InlineData("", "Auth:SigningKey is not set")]
    [InlineData("only-31-bytes-long-signing-key!", "Auth:SigningKey is 31 bytes")]
    public void Should_refuse_to_start_naming_the_signing_key(string key, string message)
    {
        using var gateway = new GatewayOnTestHarness(_ => { }, new Dictionary<string, string> { ["Auth:SigningKey"] = key });

        var failure = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains(message, failure.ToString());
    }

    [Fact]
    public void Should_refuse_to_start_with_a_rate_limit_out_of_range()
    {
        using var gateway = new GatewayOnTestHarness(_ => { }, new Dictionary<string, string> { ["RateLimits:PredictionBurst"] = "0" });

        var failure = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains("RateLimits", failure.ToString());
    }
}

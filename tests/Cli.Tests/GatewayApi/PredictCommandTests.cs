namespace iAyos.Messaging.Cli.Tests.GatewayApi;

public class PredictCommandTests
{
    [Fact]
    public async Task An_unknown_kind_is_refused_with_exit_2()
    {
        var stderr = new StringWriter();

        var exit = await IayosCommand.InvokeAsync(["predict", "trust-score", "--json", "{}"], new StringWriter(), stderr);

        Assert.Equal(2, exit);
        Assert.Contains("'trust-score' not recognized", stderr.ToString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_before_asking_the_gateway()
    {
        var stderr = new StringWriter();

        var exit = await IayosCommand.InvokeAsync(["predict", "price-budget", "--json", "{title:", "--gateway", UnusedPort.Address()],
            new StringWriter(), stderr);

        Assert.Equal(2, exit);
        Assert.Contains("the request body is not JSON", stderr.ToString());
    }

    [Fact]
    public async Task A_missing_body_file_is_refused()
    {
        var stderr = new StringWriter();

        var exit = await IayosCommand.InvokeAsync(["predict", "worker-rating", "--file", "/no/such/body.json"], new StringWriter(), stderr);

        Assert.Equal(2, exit);
        Assert.Contains("--file /no/such/body.json: no such file", stderr.ToString());
    }

    [Fact]
    public async Task A_gateway_that_is_down_is_one_line_and_exit_1()
    {
        var stderr = new StringWriter();

        var exit = await IayosCommand.InvokeAsync(["predict", "completion-time", "--json", """{"category":"Electrical"}""",
            "--gateway", UnusedPort.Address()], new StringWriter(), stderr);

        Assert.Equal(1, exit);
        var message = stderr.ToString().Trim();
        Assert.StartsWith("iayos predict: cannot reach the gateway at http://127.0.0.1:", message);
        Assert.DoesNotContain("\n", message);
    }
}

namespace iAyos.Messaging.Cli.Tests.GatewayApi;

public class StatusCommandTests
{
    [Fact]
    public async Task A_gateway_that_is_down_is_one_line_and_exit_1()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await IayosCommand.InvokeAsync(["status", "--gateway", UnusedPort.Address()], stdout, stderr);

        Assert.Equal(1, exit);
        var message = stderr.ToString().Trim();
        Assert.StartsWith("iayos status: cannot reach the gateway at http://127.0.0.1:", message);
        Assert.DoesNotContain("\n", message); // no stack trace
        Assert.Empty(stdout.ToString());
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1:5080")]
    public async Task A_gateway_address_that_is_not_http_is_refused_with_exit_2(string address)
    {
        var stderr = new StringWriter();

        var exit = await IayosCommand.InvokeAsync(["status", "--gateway", address], new StringWriter(), stderr);

        Assert.Equal(2, exit);
        Assert.Contains("is not an http(s) address", stderr.ToString());
    }
}

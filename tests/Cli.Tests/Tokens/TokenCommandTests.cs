using iAyos.Messaging.Cli.Tokens;
using iAyos.Messaging.Platform.Security;
using Microsoft.IdentityModel.JsonWebTokens;

namespace iAyos.Messaging.Cli.Tests.Tokens;

/// <summary>The key comes from the environment, as scripts/up.sh passes it; the tests here set it one at a time.</summary>
[Collection(SigningKeyEnvironment.Name)]
public class TokenCommandTests
{
    private const string Key = "a-test-signing-key-of-at-least-32-bytes";

    [Fact]
    public async Task Prints_only_a_token_that_validates_with_the_configured_key()
    {
        using var _ = SigningKeyEnvironment.Set(Key);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await IayosCommand.InvokeAsync([TokenCommand.Name, "--role", "admin", "--subject", "ops-alice", "--hours", "2"], stdout, stderr);

        Assert.Equal(0, exit);
        Assert.Empty(stderr.ToString());
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var token = Assert.Single(lines);
        var options = new AuthOptions { SigningKey = Key };
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, AccessTokens.ValidationParameters(options));
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("ops-alice", result.ClaimsIdentity.FindFirst(AccessTokens.SubjectClaim)?.Value);
        Assert.True(result.ClaimsIdentity.HasClaim(AccessTokens.RoleClaim, AccessTokens.AdminRole));
        var expires = ((JsonWebToken)result.SecurityToken).ValidTo;
        Assert.InRange(expires, DateTime.UtcNow.AddHours(1), DateTime.UtcNow.AddHours(2).AddMinutes(1));
    }

    [Fact]
    public async Task A_token_from_the_command_does_not_validate_with_another_key()
    {
        using var _ = SigningKeyEnvironment.Set(Key);
        var stdout = new StringWriter();

        await IayosCommand.InvokeAsync([TokenCommand.Name, "--role", "admin"], stdout, new StringWriter());

        var other = new AuthOptions { SigningKey = "another-signing-key-of-at-least-32-bytes" };
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(stdout.ToString().Trim(), AccessTokens.ValidationParameters(other));
        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("too-short")]
    public async Task Without_a_usable_key_it_says_so_in_one_line_and_exits_1(string? key)
    {
        using var _ = SigningKeyEnvironment.Set(key);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await IayosCommand.InvokeAsync([TokenCommand.Name, "--role", "admin"], stdout, stderr);

        Assert.Equal(1, exit);
        Assert.Empty(stdout.ToString());
        Assert.StartsWith("iayos token: Auth:SigningKey", stderr.ToString());
        Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Without_a_role_the_arguments_are_refused_with_exit_2()
    {
        var stderr = new StringWriter();

        var exit = await IayosCommand.InvokeAsync([TokenCommand.Name], new StringWriter(), stderr);

        Assert.Equal(2, exit);
        Assert.Contains("--role", stderr.ToString());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace iAyos.Messaging.Gateway.Tests.Security;

public class When_an_admin_endpoint_is_called(When_an_admin_endpoint_is_called.Gateway gateway)
    : IClassFixture<When_an_admin_endpoint_is_called.Gateway>
{
    /// <summary>One test Gateway for the class; no worker consumes, commands just land in the harness.</summary>
    public sealed class Gateway : IDisposable
    {
        public GatewayOnTestHarness Host { get; } = new(_ => { });

        public void Dispose() => Host.Dispose();
    }

    public static TheoryData<string, int> Routes => AdminRoutes.All;

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Should_answer_401_problem_details_and_a_bearer_challenge_without_a_token(string path, int _)
    {
        var response = await PostAsync(path, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        var problem = await ProblemAsync(response, 401);
        Assert.Contains("bearer token", problem.GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Should_answer_401_naming_the_key_for_a_token_signed_with_another_key(string path, int _)
    {
        var response = await PostAsync(path, TestTokens.SignedWithAnotherKey());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
        var problem = await ProblemAsync(response, 401);
        Assert.Equal("The bearer token is not valid.", problem.GetProperty("title").GetString());
        Assert.Contains("signing key", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Should_answer_401_saying_so_for_an_expired_token(string path, int _)
    {
        var response = await PostAsync(path, TestTokens.Expired());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await ProblemAsync(response, 401);
        Assert.Contains("expired", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Should_answer_403_problem_details_for_a_token_without_the_admin_role(string path, int _)
    {
        var response = await PostAsync(path, TestTokens.WithRole("user"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await ProblemAsync(response, 403);
        Assert.Equal("The admin role is required.", problem.GetProperty("title").GetString());
        Assert.Contains("user", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Should_reach_the_endpoint_with_an_admin_token(string path, int expected)
    {
        var response = await PostAsync(path, TestTokens.Admin());

        Assert.Equal(expected, (int)response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string? token)
    {
        using var http = gateway.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        if (token is not null)
            request.Headers.Authorization = TestTokens.Bearer(token);
        return await http.SendAsync(request);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}

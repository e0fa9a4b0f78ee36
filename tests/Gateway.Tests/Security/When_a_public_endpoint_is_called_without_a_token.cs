using System.Net;
using System.Text;

namespace iAyos.Messaging.Gateway.Tests.Security;

/// <summary>
/// Predictions, reads and recommendations (outcomes and feedback included) need no token. A malformed body or
/// id is enough to tell: the handler's 400 comes after authorization, so nothing was challenged.
/// </summary>
public class When_a_public_endpoint_is_called_without_a_token(When_a_public_endpoint_is_called_without_a_token.Gateway gateway)
    : IClassFixture<When_a_public_endpoint_is_called_without_a_token.Gateway>
{
    public sealed class Gateway : IDisposable
    {
        public GatewayOnTestHarness Host { get; } = new(_ => { });

        public void Dispose() => Host.Dispose();
    }

    public static TheoryData<string, string, int> Routes
    {
        get
        {
            var id = Guid.NewGuid();
            var routes = new TheoryData<string, string, int>
            {
                { "POST", "/api/ml/batch-predict", 400 },
                { "POST", "/api/recommendations/bid-suggestion", 400 },
                { "POST", $"/api/recommendations/{id}/outcome", 400 },
                { "POST", $"/api/recommendations/{id}/feedback", 400 },
                { "GET", "/api/recommendations/jobs/0/cleaners", 400 },
                { "GET", "/api/recommendations/cleaners/0/jobs", 400 },
                { "GET", "/api/recommendations/users/0/jobs", 400 },
                { "GET", "/api/models", 200 },
                { "GET", "/api/models/price-budget", 200 },
                { "GET", "/api/ml/training-runs", 200 },
                { "GET", "/api/ml/training-runs/not-a-uuid", 400 },
                { "GET", "/api/ml/dataset-stats", 200 },
                { "POST", "/api/ml/predict-for-job/0", 400 },
                { "GET", "/api/ml/worker-rating-for-profile/0", 400 },
            };
            foreach (var kind in GatewayRegistration.ServedKinds)
            {
                routes.Add("POST", "/api/ml" + kind.PredictRoute, 400);
                routes.Add("GET", "/api/ml" + kind.StatusRoute, 200);
            }
            return routes;
        }
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Should_answer_without_a_token(string method, string path, int expected)
    {
        using var http = gateway.Host.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
            request.Content = new StringContent("{", Encoding.UTF8, "application/json");

        var response = await http.SendAsync(request);

        Assert.Equal(expected, (int)response.StatusCode);
    }

    [Fact]
    public async Task Should_ignore_an_expired_token_on_a_public_endpoint()
    {
        using var http = gateway.Host.CreateClient();
        http.DefaultRequestHeaders.Authorization = TestTokens.Bearer(TestTokens.Expired());

        var response = await http.GetAsync("/api/models");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

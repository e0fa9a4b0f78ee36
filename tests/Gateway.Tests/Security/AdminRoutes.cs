namespace iAyos.Messaging.Gateway.Tests.Security;

/// <summary>Every endpoint that changes state, with what an admin gets from the test Gateway.</summary>
public static class AdminRoutes
{
    public static TheoryData<string, int> All
    {
        get
        {
            var routes = new TheoryData<string, int> { { "/api/ml/train", 202 } };
            foreach (var kind in GatewayRegistration.ServedKinds.Where(k => k.TrainRoute is not null))
                routes.Add("/api/ml" + kind.TrainRoute, 202);
            routes.Add("/api/ml/reload-model", 202);
            routes.Add("/api/recommendations/recompute-scores", 202);
            // No such version: the 404 comes from the handler, so the token was let through. Activating a real
            // version with an admin token is in the integration tests (When_model_versions_are_activated).
            routes.Add("/api/models/price-budget/99999/activate", 404);
            return routes;
        }
    }
}

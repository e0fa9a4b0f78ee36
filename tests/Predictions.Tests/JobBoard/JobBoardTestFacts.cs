using iAyos.Messaging.Predictions.JobBoard;

namespace iAyos.Messaging.Predictions.Tests.JobBoard;

internal static class JobBoardTestFacts
{
    public static JobFacts Job(long id = 1, string description = "", params string[] skills) =>
        new(id, "Engineer", description, "Acme", "Manila", skills, 50_000m, 80_000m, "full_time", "mid");

    public static UserFacts User(params string[] skills) => new(7, skills, "Manila", "mid", 60_000m);
}

namespace iAyos.Messaging.TrainingWorker.Tests.FreelancerTrust;

/// <summary>A test that needs a PostgreSQL server: skipped unless ConnectionStrings__Postgres names one (scripts/test.sh sets it).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")))
            Skip = "ConnectionStrings__Postgres is not set: run through scripts/test.sh or point it at a PostgreSQL server.";
    }
}

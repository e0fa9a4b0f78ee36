using System.Text.Json;
using iAyos.Messaging.Contracts.Marketplace;

namespace iAyos.Messaging.ScoringWorker.Tests.Contracts;

/// <summary>Events grow by optional fields only: a message from a publisher that predates one still reads.</summary>
public class MarketplaceEventVersioningTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void A_job_posted_without_a_budget_reads_with_no_budget()
    {
        var job = JsonSerializer.Deserialize<JobPosted>(
            """{"eventId":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","occurredAt":"2026-10-01T08:00:00Z","jobId":5,"clientId":2,"propertyId":3,"estimatedHours":3.5}""", Web)!;

        Assert.Null(job.ClientBudget);
        Assert.Equal(3.5, job.EstimatedHours);
    }

    [Fact]
    public void A_cleaner_registered_without_the_eco_flag_reads_as_not_eco()
    {
        var cleaner = JsonSerializer.Deserialize<CleanerRegistered>(
            """{"eventId":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","occurredAt":"2026-10-01T08:00:00Z","cleanerId":9,"displayName":"Eleni","hourlyRate":18.5,"latitude":37.98,"longitude":23.72}""", Web)!;

        Assert.False(cleaner.OffersEcoProducts);
        Assert.Equal(18.5m, cleaner.HourlyRate);
    }

    [Fact]
    public void A_payment_without_a_currency_is_in_euros_and_unknown_fields_are_ignored()
    {
        var payment = JsonSerializer.Deserialize<PaymentRecorded>(
            """{"eventId":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","occurredAt":"2026-10-01T08:00:00Z","paymentId":1,"jobId":5,"cleanerId":9,"amount":80,"platformFee":12,"tipFromANewerPublisher":5}""", Web)!;

        Assert.Equal("EUR", payment.Currency);
        Assert.Equal(12m, payment.PlatformFee);
    }

    [Fact]
    public void A_required_field_missing_is_refused_rather_than_read_as_zero()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<BidPlaced>(
            """{"eventId":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","occurredAt":"2026-10-01T08:00:00Z","bidId":1,"jobId":5,"cleanerId":9}""", Web));
    }
}

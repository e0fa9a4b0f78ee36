using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.InferenceWorker.Tests;

public class When_a_worker_rating_request_arrives
{
    [Fact]
    public async Task Should_score_the_profile_with_the_seed_points_table()
    {
        await using var inference = await InferenceHarness.StartAsync();

        var response = await inference.Client<PredictWorkerRating>().GetResponse<WorkerRatingPrediction>(new PredictWorkerRating
        {
            ProfileCompletion = 80, BioLength = 100, HourlyRate = 300, YearsExperience = 5, SpecializationsCount = 1,
            CertificationsCount = 1, VerifiedCertificationsCount = 1, CompletedJobs = 25, AverageRating = 4, IsActive = true,
        });

        // 16 + 2.5 + 7.5 + 7 + 7.5 + 20 + 5 + 5
        Assert.Equal(70.5, response.Message.ProfileScore);
        Assert.Equal("Good", response.Message.RatingCategory);
        Assert.Equal(PredictionSources.Fallback, response.Message.Source);
        // Ordered by points missing: jobs 7.5, rating 5, bio 2.5; certifications are all verified.
        Assert.Equal(
            [
                "Complete more jobs to build your track record",
                "Focus on service quality to raise your average rating",
                "Write a bio of at least 200 characters describing your skills and experience",
            ],
            response.Message.ImprovementSuggestions);
    }
}

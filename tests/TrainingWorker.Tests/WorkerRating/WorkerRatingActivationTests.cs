using iAyos.Messaging.TrainingWorker.WorkerRating;

namespace iAyos.Messaging.TrainingWorker.Tests.WorkerRating;

public class WorkerRatingActivationTests
{
    [Fact]
    public void A_leaking_version_is_never_activated_however_good_its_score()
    {
        var d = WorkerRatingActivation.Decide(leaking: true, validationMae: 1, validationMeanMae: 12, testMae: 1, anyActive: false, activeMae: null);
        Assert.False(d.Activate);
        Assert.Contains("leaking", d.Reason);
    }

    [Fact]
    public void A_model_no_better_than_the_mean_on_validation_is_not_activated_even_with_none_active()
    {
        Assert.False(WorkerRatingActivation.Decide(false, 12.0, 11.9, 5, anyActive: false, activeMae: null).Activate);
        Assert.True(WorkerRatingActivation.Decide(false, 11.0, 11.9, 5, anyActive: false, activeMae: null).Activate);
    }

    [Theory]
    [InlineData(5.0, 6.0, true)]
    [InlineData(6.0, 6.0, false)]
    [InlineData(7.0, 6.0, false)]
    public void Otherwise_it_must_beat_the_active_version_on_this_runs_test_rows(double testMae, double activeMae, bool activated) =>
        Assert.Equal(activated, WorkerRatingActivation.Decide(false, 5, 10, testMae, anyActive: true, activeMae: activeMae).Activate);

    [Fact]
    public void An_active_version_that_cannot_be_measured_here_is_replaced() =>
        Assert.True(WorkerRatingActivation.Decide(false, 5, 10, 9, anyActive: true, activeMae: null).Activate);
}

using iAyos.Messaging.Training.JobBoard;

namespace iAyos.Messaging.Training.Tests.JobBoard;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void Auc_is_the_share_of_positive_negative_pairs_ordered_right()
    {
        // Positives 0.35 and 0.8 against negatives 0.1 and 0.4: 3 of the 4 pairs are ordered right.
        Assert.Equal(0.75, ClassificationMetrics.RocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 12);
    }

    [Fact]
    public void Auc_counts_a_tie_between_a_positive_and_a_negative_as_half()
    {
        // Positive 0.5 ties both negatives (2 x 0.5), positive 0.9 beats both (2): 3 / 4.
        Assert.Equal(0.75, ClassificationMetrics.RocAuc([0.5, 0.5, 0.5, 0.9], [false, true, false, true]), 12);
        Assert.Equal(0.5, ClassificationMetrics.RocAuc([0.3, 0.3, 0.3], [true, false, false]), 12);
        Assert.Equal(0, ClassificationMetrics.RocAuc([0.1, 0.9], [true, false]), 12);
    }

    [Fact]
    public void Auc_is_undefined_with_one_class()
    {
        Assert.True(double.IsNaN(ClassificationMetrics.RocAuc([0.1, 0.9], [true, true])));
    }

    [Fact]
    public void Threshold_metrics_count_a_score_at_the_threshold_as_positive()
    {
        var m = ClassificationMetrics.Compute([0.9, 0.8, 0.5, 0.2, 0.1], [true, false, true, true, false], 0.5);
        // Predicted positive: 0.9 (tp), 0.8 (fp), 0.5 (tp); negative: 0.2 (fn), 0.1 (tn).
        Assert.Equal(3.0 / 5, m.Accuracy, 12);
        Assert.Equal(2.0 / 3, m.Precision, 12);
        Assert.Equal(2.0 / 3, m.Recall, 12);
        Assert.Equal(2.0 / 3, m.F1, 12);
        Assert.Equal(0.5, m.Threshold);
    }

    [Fact]
    public void Precision_and_f1_are_zero_when_nothing_is_predicted_positive()
    {
        var m = ClassificationMetrics.Compute([0.1, 0.2], [true, false], 0.5);
        Assert.Equal(0, m.Precision);
        Assert.Equal(0, m.Recall);
        Assert.Equal(0, m.F1);
        Assert.Equal(0.5, m.Accuracy, 12);
    }

    [Fact]
    public void The_best_f1_threshold_is_the_score_whose_cut_maximises_f1()
    {
        // Cuts: >=0.9 F1 2/3, >=0.8 1/2, >=0.3 4/5, >=0.2 2/3.
        Assert.Equal(0.3, ClassificationMetrics.BestF1Threshold([0.9, 0.8, 0.3, 0.2], [true, false, true, false]));
        // A tied run is cut as a whole: >=0.9 catches no positive (F1 0), >=0.5 all of them (4/6).
        Assert.Equal(0.5, ClassificationMetrics.BestF1Threshold([0.5, 0.5, 0.5, 0.9], [true, false, true, false]));
        // Equal F1 (2/3 at >=0.7 and at >=0.5): the higher threshold.
        Assert.Equal(0.7, ClassificationMetrics.BestF1Threshold([0.7, 0.5, 0.5, 0.5], [true, true, false, false]));
    }
}

using iAyos.Messaging.InferenceWorker;
using iAyos.Messaging.InferenceWorker.Batching;
using iAyos.Messaging.ScoringWorker;
using iAyos.Messaging.TrainingWorker.Consumers;
using MassTransit;

namespace iAyos.Messaging.Deployment.Tests.Kubernetes;

public class When_a_worker_scales_on_its_queues
{
    [Fact]
    public void Should_have_exactly_one_ScaledObject_for_each_worker_and_none_for_the_gateway()
    {
        var targets = KubernetesManifests.OfKind("ScaledObject").Select(s => s.Root["spec"]["scaleTargetRef"]["name"].Text).ToList();
        Assert.Equal(Workloads.Workers.Order(), targets.Order());
        Assert.All(KubernetesManifests.OfKind("ScaledObject"), s =>
        {
            var kind = s.Root["spec"]["scaleTargetRef"]["kind"];
            Assert.True(kind.Missing || kind.Text == "Deployment", $"{s} targets a {kind.Value}");
        });
    }

    [Theory]
    [InlineData(BatchingMode.Micro)]
    [InlineData(BatchingMode.Bus)]
    public void Should_trigger_the_inference_worker_on_exactly_the_durable_queues_it_consumes(BatchingMode mode)
    {
        var queues = WorkerQueues.InferenceWorker(mode);
        // The kinds' own queues come from their descriptors: a kind added to ServedKinds needs a trigger.
        Assert.All(InferenceRegistration.ServedKinds, k => Assert.Contains(k.Queue, queues));
        Assert.Equal(queues.Order(), QueueTriggers("inference-worker").Order());
    }

    [Fact]
    public void Should_trigger_the_scoring_worker_on_exactly_the_durable_queues_it_consumes() =>
        Assert.Equal(WorkerQueues.ScoringWorker().Order(), QueueTriggers("scoring-worker").Order());

    [Fact]
    public void Should_trigger_the_training_worker_on_exactly_the_durable_queues_it_consumes() =>
        Assert.Equal(WorkerQueues.TrainingWorker().Order(), QueueTriggers("training-worker").Order());

    /// <summary>Guards <see cref="WorkerQueues"/>: a consumer definition a worker declares but the list above does
    /// not register would be a queue without a trigger.</summary>
    [Theory]
    [InlineData(typeof(InferenceRegistration))]
    [InlineData(typeof(ScoringRegistration))]
    [InlineData(typeof(TrainModelConsumer))]
    public void Should_find_every_consumer_definition_the_worker_declares(Type inWorker)
    {
        var declared = inWorker.Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumerDefinition<>)))
            .Select(t => t.IsGenericType ? t.GetGenericTypeDefinition() : t)
            .ToHashSet();
        var registered = WorkerQueues.DefinitionTypes(inWorker.Assembly).ToHashSet();
        Assert.Equal(declared.Select(t => t.Name).Order(), registered.Select(t => t.Name).Order());
    }

    [Theory]
    [MemberData(nameof(Workloads.WorkerNames), MemberType = typeof(Workloads))]
    public void Should_count_queue_length_against_a_positive_target_per_replica(string worker) =>
        Assert.All(RabbitTriggers(ScaledObjectOf(worker)), t =>
        {
            Assert.Equal("QueueLength", t["metadata"]["mode"].Text);
            // The Gateway coalesces predictions and caps the batches in flight, which the InferenceWorker holds
            // unacknowledged: only the management API (http) counts those. The other workers' backlogs are ready messages.
            Assert.Equal(worker == "inference-worker" ? "http" : "amqp", t["metadata"]["protocol"].Text);
            Assert.True(t["metadata"]["excludeUnacknowledged"].Missing, $"{t.Path} must count unacknowledged messages");
            Assert.True(t["metadata"]["value"].Integer > 0, $"{t.Path}: the target must be positive");
            // KEDA needs the trigger's host (or auth): the AMQP URL comes from a TriggerAuthentication, never inline.
            Assert.True(t["metadata"]["host"].Missing, $"{t.Path} carries the broker URL inline");
        });

    [Theory]
    [MemberData(nameof(Workloads.WorkerNames), MemberType = typeof(Workloads))]
    public void Should_authenticate_every_trigger_with_a_TriggerAuthentication_that_exists(string worker)
    {
        var authentications = KubernetesManifests.OfKind("TriggerAuthentication").Select(a => a.Name).ToHashSet();
        Assert.All(ScaledObjectOf(worker).Root["spec"]["triggers"].Items, t =>
            Assert.Contains(t["authenticationRef"]["name"].Text, authentications));
    }

    [Fact]
    public void Should_give_the_rabbitmq_trigger_authentication_the_host_parameter() =>
        Assert.All(KubernetesManifests.OfKind("ScaledObject").SelectMany(s => RabbitTriggers(s)), t =>
            Assert.Contains("host", KubernetesManifests.Single("TriggerAuthentication", t["authenticationRef"]["name"].Text)
                .Root["spec"]["secretTargetRef"].Items.Select(r => r["parameter"].Text)));

    /// <summary>Every worker answers requests or owns a schedule: a cold start would fail callers, so none scales to zero.</summary>
    [Theory]
    [MemberData(nameof(Workloads.WorkerNames), MemberType = typeof(Workloads))]
    public void Should_never_scale_to_zero_and_allow_growth(string worker)
    {
        var spec = ScaledObjectOf(worker).Root["spec"];
        Assert.True(spec["minReplicaCount"].Integer >= 1, $"{worker} may scale to zero");
        Assert.True(spec["maxReplicaCount"].Integer > spec["minReplicaCount"].Integer, $"{worker} cannot grow");
    }

    [Fact]
    public void Should_keep_two_inference_workers_warm_so_a_restart_leaves_one() =>
        Assert.True(ScaledObjectOf("inference-worker").Root["spec"]["minReplicaCount"].Integer >= 2);

    /// <summary>A replica count in the Deployment would be reset by every apply, fighting KEDA's.</summary>
    [Theory]
    [MemberData(nameof(Workloads.WorkerNames), MemberType = typeof(Workloads))]
    public void Should_leave_the_replica_count_to_KEDA(string worker) =>
        Assert.True(Workloads.Deployment(worker).Root["spec"]["replicas"].Missing);

    private static Manifest ScaledObjectOf(string worker) =>
        KubernetesManifests.OfKind("ScaledObject").Single(s => s.Root["spec"]["scaleTargetRef"]["name"].Text == worker);

    private static IEnumerable<YamlNode> RabbitTriggers(Manifest scaledObject) =>
        scaledObject.Root["spec"]["triggers"].Items.Where(t => t["type"].Text == "rabbitmq");

    private static IReadOnlyList<string> QueueTriggers(string worker)
    {
        var queues = RabbitTriggers(ScaledObjectOf(worker)).Select(t => t["metadata"]["queueName"].Text).ToList();
        Assert.Equal(queues.Count, queues.Distinct().Count());
        return queues;
    }
}

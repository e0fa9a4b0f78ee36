namespace iAyos.Messaging.Engine.Training;

public enum StopReason
{
    /// <summary>Ran to <see cref="TrainingOptions.Epochs"/>.</summary>
    MaxEpochs,

    /// <summary>The monitored loss stopped improving for the patience.</summary>
    EarlyStopping,

    /// <summary>The training loss became NaN or infinite; going on would only spread it.</summary>
    NonFiniteLoss,
}

namespace PaymentFunctions.LocalStack.Juno;

/// <summary>Settings for <see cref="JunoSimulator"/>.</summary>
public sealed class JunoSimulatorOptions
{
    /// <summary>API key clients must use.</summary>
    public string ApiKey { get; set; } = "sim-key";

    /// <summary>API secret clients sign with.</summary>
    public string ApiSecret { get; set; } = "sim-secret-0123456789";

    /// <summary>Port on 127.0.0.1; 0 picks a free one (tests). A fixed port suits the local <c>run</c> set-up.</summary>
    public int Port { get; set; }

    /// <summary>Seed for ids and fault draws; the same seed and calls give the same run.</summary>
    public int Seed { get; set; } = 12345;

    /// <summary>Address whose incoming MXNB the simulator reports as CRYPTO_DEPOSIT.</summary>
    public string DepositAddress { get; set; } = "0x5afed00000000000000000000000000000000001";

    /// <summary>Moves tokens for withdrawals; defaults to <see cref="RecordingChainTransfer"/>.</summary>
    public IChainTransfer? ChainTransfer { get; set; }

    /// <summary>Payout behaviour for redemptions.</summary>
    public JunoPayoutMode PayoutMode { get; set; } = JunoPayoutMode.Settle;

    /// <summary>Describes the options without the secret.</summary>
    public override string ToString() => $"JunoSimulatorOptions {{ ApiKey = {ApiKey}, Seed = {Seed} }}";
}

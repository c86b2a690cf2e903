namespace PaymentFunctions.Rules.Execution;

/// <summary>A transfer as mined: hash, block, gas used, effective gas price (wei, decimal text) and confirmations seen.</summary>
public sealed record SentTransfer(int Index, string To, decimal Amount, string TransactionHash, long Block, long GasUsed, string EffectiveGasPriceWei, long Confirmations);

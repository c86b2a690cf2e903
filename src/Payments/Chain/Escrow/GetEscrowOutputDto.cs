using Nethereum.ABI.FunctionEncoding.Attributes;

namespace PaymentFunctions.Payments.Chain.Escrow;

/// <summary>The return of <c>getEscrow</c>: one <c>Escrow</c> struct.</summary>
[FunctionOutput]
public sealed class GetEscrowOutputDto : IFunctionOutputDTO
{
    /// <summary>The escrow.</summary>
    [Parameter("tuple", "", 1)]
    public EscrowStruct Escrow { get; set; } = new();
}

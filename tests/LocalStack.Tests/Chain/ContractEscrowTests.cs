using System.Numerics;
using System.Security.Cryptography;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.JsonRpc;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.LocalStack.Chain;

namespace PaymentFunctions.LocalStack.Tests.Chain;

/// <summary>
/// The escrow lifecycle on anvil, every transaction of the platform signed through Key Vault (emulated).
/// Tests in this class run one after another, so pausing cannot disturb the others.
/// </summary>
public sealed class ContractEscrowTests(ContractChainFixture chain) : IClassFixture<ContractChainFixture>
{
    private const int Funded = 0, Released = 1, Disputed = 2, Refunded = 3, Cancelled = 4;

    private Address EscrowAddress => chain.Deployment.Escrow;

    private Address TokenAddress => chain.Deployment.Token;

    [Fact]
    public async Task Deployment_grants_roles_and_mints_test_mxnb_with_6_decimals()
    {
        Assert.Equal(new BigInteger(6), (await chain.Rpc.CallAsync(TokenAddress, chain.Token.Function("decimals"), []))[0]);
        Assert.True((bool)(await chain.Rpc.CallAsync(EscrowAddress, chain.Escrow.Function("hasRole"), [ContractDeployer.OperatorRole.ToArray(), chain.OperatorAddress]))[0]!);
        Assert.False((bool)(await chain.Rpc.CallAsync(EscrowAddress, chain.Escrow.Function("hasRole"), [ContractDeployer.OperatorRole.ToArray(), chain.PayerAddress]))[0]!);
        Assert.True(await chain.BalanceOfAsync(chain.PayerAddress) > 0);
    }

    [Fact]
    public async Task Key_vault_signed_approve_create_and_release_pay_the_payee_with_every_event()
    {
        BigInteger amount = 1_250 * ContractChainFixture.Mxnb + 37;
        byte[] paymentId = NewPaymentId();
        BigInteger payerBefore = await chain.BalanceOfAsync(chain.PayerAddress);
        BigInteger payeeBefore = await chain.BalanceOfAsync(chain.Payee);
        BigInteger escrowBefore = await chain.BalanceOfAsync(EscrowAddress);
        ulong custodyEnd = await chain.LatestTimestampAsync() + 86_400;

        TransactionReceipt approve = await chain.Transactor.SendAsync(chain.Payer, TokenAddress, chain.Token.Function("approve"), [EscrowAddress, amount]);
        DecodedEvent approval = Single(approve, TokenAddress, chain.Token.Event("Approval"));
        Assert.Equal(chain.PayerAddress, approval.Get<Address>("owner"));
        Assert.Equal(EscrowAddress, approval.Get<Address>("spender"));
        Assert.Equal(amount, approval.Get<BigInteger>("value"));

        TransactionReceipt create = await chain.Transactor.SendAsync(
            chain.Payer, EscrowAddress, chain.Escrow.Function("createEscrow"), [paymentId, chain.Payee, TokenAddress, amount, new BigInteger(custodyEnd)]);

        Assert.Equal(chain.PayerAddress, create.From);
        DecodedEvent created = Single(create, EscrowAddress, chain.Escrow.Event("EscrowCreated"));
        BigInteger escrowId = created.Get<BigInteger>("escrowId");
        Assert.Equal(paymentId, created.Get<byte[]>("paymentId"));
        Assert.Equal(chain.PayerAddress, created.Get<Address>("payer"));
        Assert.Equal(chain.Payee, created.Get<Address>("payee"));
        Assert.Equal(TokenAddress, created.Get<Address>("token"));
        Assert.Equal(amount, created.Get<BigInteger>("amount"));
        Assert.Equal(new BigInteger(custodyEnd), created.Get<BigInteger>("custodyEnd"));
        DecodedEvent locked = Single(create, TokenAddress, chain.Token.Event("Transfer"));
        Assert.Equal(chain.PayerAddress, locked.Get<Address>("from"));
        Assert.Equal(EscrowAddress, locked.Get<Address>("to"));
        Assert.Equal(amount, locked.Get<BigInteger>("value"));
        Assert.Equal(payerBefore - amount, await chain.BalanceOfAsync(chain.PayerAddress));
        Assert.Equal(escrowBefore + amount, await chain.BalanceOfAsync(EscrowAddress));

        object?[] escrow = await GetEscrowAsync(escrowId);
        Assert.Equal(paymentId, (byte[])escrow[0]!);
        Assert.Equal(chain.PayerAddress, escrow[1]);
        Assert.Equal(chain.Payee, escrow[2]);
        Assert.Equal(TokenAddress, escrow[3]);
        Assert.Equal(amount, escrow[4]);
        Assert.Equal(new BigInteger(custodyEnd), escrow[5]);
        Assert.Equal(new BigInteger(Funded), escrow[7]);
        Assert.Equal(escrowId, (BigInteger)(await chain.Rpc.CallAsync(EscrowAddress, chain.Escrow.Function("escrowIdOf"), [chain.PayerAddress, paymentId]))[0]!);

        TransactionReceipt release = await chain.Transactor.SendAsync(chain.Operator, EscrowAddress, chain.Escrow.Function("release"), [escrowId]);

        Assert.Equal(chain.OperatorAddress, release.From);
        DecodedEvent released = Single(release, EscrowAddress, chain.Escrow.Event("EscrowReleased"));
        Assert.Equal(escrowId, released.Get<BigInteger>("escrowId"));
        Assert.Equal(chain.Payee, released.Get<Address>("payee"));
        Assert.Equal(amount, released.Get<BigInteger>("amount"));
        DecodedEvent paid = Single(release, TokenAddress, chain.Token.Event("Transfer"));
        Assert.Equal(EscrowAddress, paid.Get<Address>("from"));
        Assert.Equal(chain.Payee, paid.Get<Address>("to"));
        Assert.Equal(payeeBefore + amount, await chain.BalanceOfAsync(chain.Payee));
        Assert.Equal(escrowBefore, await chain.BalanceOfAsync(EscrowAddress));
        Assert.Equal(new BigInteger(Released), (await GetEscrowAsync(escrowId))[7]);
    }

    [Fact]
    public async Task Dispute_by_the_payer_then_resolution_for_the_payer_refunds_the_payer()
    {
        BigInteger amount = 500 * ContractChainFixture.Mxnb;
        BigInteger payerBefore = await chain.BalanceOfAsync(chain.PayerAddress);
        BigInteger escrowId = await CreateEscrowAsync(amount);

        TransactionReceipt dispute = await chain.Transactor.SendAsync(chain.Payer, EscrowAddress, chain.Escrow.Function("dispute"), [escrowId]);

        DecodedEvent disputed = Single(dispute, EscrowAddress, chain.Escrow.Event("EscrowDisputed"));
        Assert.Equal(escrowId, disputed.Get<BigInteger>("escrowId"));
        Assert.Equal(chain.PayerAddress, disputed.Get<Address>("by"));
        Assert.Equal(new BigInteger(Disputed), (await GetEscrowAsync(escrowId))[7]);
        await AssertRevertsAsync("InvalidStatus", chain.Operator, "release", escrowId);

        TransactionReceipt resolve = await chain.Transactor.SendAsync(chain.Operator, EscrowAddress, chain.Escrow.Function("resolveDispute"), [escrowId, false]);

        Assert.False(Single(resolve, EscrowAddress, chain.Escrow.Event("DisputeResolved")).Get<bool>("toPayee"));
        DecodedEvent refunded = Single(resolve, EscrowAddress, chain.Escrow.Event("EscrowRefunded"));
        Assert.Equal(chain.PayerAddress, refunded.Get<Address>("payer"));
        Assert.Equal(amount, refunded.Get<BigInteger>("amount"));
        Assert.Empty(Events(resolve, EscrowAddress, chain.Escrow.Event("EscrowReleased")));
        Assert.Equal(payerBefore, await chain.BalanceOfAsync(chain.PayerAddress));
        Assert.Equal(new BigInteger(Refunded), (await GetEscrowAsync(escrowId))[7]);
    }

    [Fact]
    public async Task Dispute_by_the_operator_then_resolution_for_the_payee_pays_the_payee()
    {
        BigInteger amount = 75 * ContractChainFixture.Mxnb;
        BigInteger payeeBefore = await chain.BalanceOfAsync(chain.Payee);
        BigInteger escrowId = await CreateEscrowAsync(amount);

        await chain.Transactor.SendAsync(chain.Operator, EscrowAddress, chain.Escrow.Function("dispute"), [escrowId]);
        TransactionReceipt resolve = await chain.Transactor.SendAsync(chain.Operator, EscrowAddress, chain.Escrow.Function("resolveDispute"), [escrowId, true]);

        Assert.True(Single(resolve, EscrowAddress, chain.Escrow.Event("DisputeResolved")).Get<bool>("toPayee"));
        Assert.Equal(amount, Single(resolve, EscrowAddress, chain.Escrow.Event("EscrowReleased")).Get<BigInteger>("amount"));
        Assert.Equal(payeeBefore + amount, await chain.BalanceOfAsync(chain.Payee));
        Assert.Equal(new BigInteger(Released), (await GetEscrowAsync(escrowId))[7]);
        await AssertRevertsAsync("InvalidStatus", chain.Operator, "resolveDispute", escrowId, false);
    }

    [Fact]
    public async Task Operator_refund_returns_the_funds_to_the_payer()
    {
        BigInteger amount = 10 * ContractChainFixture.Mxnb;
        BigInteger payerBefore = await chain.BalanceOfAsync(chain.PayerAddress);
        BigInteger escrowId = await CreateEscrowAsync(amount);

        TransactionReceipt refund = await chain.Transactor.SendAsync(chain.Operator, EscrowAddress, chain.Escrow.Function("refund"), [escrowId]);

        Assert.Equal(amount, Single(refund, EscrowAddress, chain.Escrow.Event("EscrowRefunded")).Get<BigInteger>("amount"));
        Assert.Equal(payerBefore, await chain.BalanceOfAsync(chain.PayerAddress));
        Assert.Equal(new BigInteger(Refunded), (await GetEscrowAsync(escrowId))[7]);
    }

    [Fact]
    public async Task Cancel_returns_the_funds_before_custody_ends_and_is_refused_after()
    {
        BigInteger amount = 20 * ContractChainFixture.Mxnb;
        BigInteger payerBefore = await chain.BalanceOfAsync(chain.PayerAddress);
        BigInteger escrowId = await CreateEscrowAsync(amount, custodySeconds: 3_600);

        TransactionReceipt cancel = await chain.Transactor.SendAsync(chain.Operator, EscrowAddress, chain.Escrow.Function("cancel"), [escrowId]);

        DecodedEvent cancelled = Single(cancel, EscrowAddress, chain.Escrow.Event("EscrowCancelled"));
        Assert.Equal(chain.PayerAddress, cancelled.Get<Address>("payer"));
        Assert.Equal(amount, cancelled.Get<BigInteger>("amount"));
        Assert.Equal(payerBefore, await chain.BalanceOfAsync(chain.PayerAddress));
        Assert.Equal(new BigInteger(Cancelled), (await GetEscrowAsync(escrowId))[7]);

        BigInteger late = await CreateEscrowAsync(amount, custodySeconds: 60);
        await chain.Node.IncreaseTimeAsync(TimeSpan.FromMinutes(5));
        await chain.Node.MineAsync();
        await AssertRevertsAsync("CustodyEnded", chain.Operator, "cancel", late);
        await chain.Transactor.SendAsync(chain.Operator, EscrowAddress, chain.Escrow.Function("release"), [late]);
    }

    [Fact]
    public async Task Only_operators_release_refund_cancel_and_resolve()
    {
        BigInteger escrowId = await CreateEscrowAsync(ContractChainFixture.Mxnb);

        await AssertRevertsAsync("AccessControlUnauthorizedAccount", chain.Payer, "release", escrowId);
        await AssertRevertsAsync("AccessControlUnauthorizedAccount", chain.Stranger, "release", escrowId);
        await AssertRevertsAsync("AccessControlUnauthorizedAccount", chain.Payer, "refund", escrowId);
        await AssertRevertsAsync("AccessControlUnauthorizedAccount", chain.Payer, "cancel", escrowId);
        await AssertRevertsAsync("AccessControlUnauthorizedAccount", chain.Payer, "resolveDispute", escrowId, true);
        await AssertRevertsAsync("NotPayerOrOperator", chain.Stranger, "dispute", escrowId);
        Assert.Equal(new BigInteger(Funded), (await GetEscrowAsync(escrowId))[7]);
    }

    [Fact]
    public async Task Same_payment_id_cannot_lock_funds_twice()
    {
        byte[] paymentId = NewPaymentId();
        await CreateEscrowAsync(ContractChainFixture.Mxnb, paymentId: paymentId);
        BigInteger balance = await chain.BalanceOfAsync(chain.PayerAddress);
        await chain.Transactor.SendAsync(chain.Payer, TokenAddress, chain.Token.Function("approve"), [EscrowAddress, ContractChainFixture.Mxnb]);
        ulong custodyEnd = await chain.LatestTimestampAsync() + 3_600;

        var error = await Assert.ThrowsAsync<ContractRevertedException>(() => chain.Transactor.SendAsync(
            chain.Payer, EscrowAddress, chain.Escrow.Function("createEscrow"), [paymentId, chain.Payee, TokenAddress, ContractChainFixture.Mxnb, new BigInteger(custodyEnd)]));

        Assert.Equal("DuplicatePayment", error.Reason.ErrorName);
        Assert.Equal(balance, await chain.BalanceOfAsync(chain.PayerAddress));
    }

    [Fact]
    public async Task Creation_without_allowance_or_with_bad_arguments_reverts()
    {
        ulong custodyEnd = await chain.LatestTimestampAsync() + 3_600;
        AbiFunction create = chain.Escrow.Function("createEscrow");

        var noAllowance = await Assert.ThrowsAsync<ContractRevertedException>(() => chain.Transactor.SendAsync(
            chain.Stranger, EscrowAddress, create, [NewPaymentId(), chain.Payee, TokenAddress, ContractChainFixture.Mxnb, new BigInteger(custodyEnd)]));
        var zeroAmount = await Assert.ThrowsAsync<ContractRevertedException>(() => chain.Transactor.SendAsync(
            chain.Payer, EscrowAddress, create, [NewPaymentId(), chain.Payee, TokenAddress, BigInteger.Zero, new BigInteger(custodyEnd)]));
        var pastCustody = await Assert.ThrowsAsync<ContractRevertedException>(() => chain.Transactor.SendAsync(
            chain.Payer, EscrowAddress, create, [NewPaymentId(), chain.Payee, TokenAddress, ContractChainFixture.Mxnb, new BigInteger(1)]));

        Assert.Equal("ERC20InsufficientAllowance", noAllowance.Reason.ErrorName);
        Assert.Equal("ZeroAmount", zeroAmount.Reason.ErrorName);
        Assert.Equal("InvalidCustodyEnd", pastCustody.Reason.ErrorName);
    }

    [Fact]
    public async Task Pause_stops_money_movements_but_not_disputes()
    {
        BigInteger escrowId = await CreateEscrowAsync(ContractChainFixture.Mxnb);
        BigInteger other = await CreateEscrowAsync(ContractChainFixture.Mxnb);
        await AssertRevertsAsync("AccessControlUnauthorizedAccount", chain.Operator, "pause");

        TransactionReceipt pause = await chain.Transactor.SendAsync(chain.Admin, EscrowAddress, chain.Escrow.Function("pause"), []);
        try
        {
            Assert.Single(Events(pause, EscrowAddress, AbiEvent.Parse("event Paused(address account)")));
            await AssertRevertsAsync("EnforcedPause", chain.Operator, "release", escrowId);
            await AssertRevertsAsync("EnforcedPause", chain.Operator, "refund", escrowId);
            await AssertRevertsAsync("EnforcedPause", chain.Operator, "cancel", escrowId);
            await chain.Transactor.SendAsync(chain.Payer, TokenAddress, chain.Token.Function("approve"), [EscrowAddress, ContractChainFixture.Mxnb]);
            ulong custodyEnd = await chain.LatestTimestampAsync() + 3_600;
            var create = await Assert.ThrowsAsync<ContractRevertedException>(() => chain.Transactor.SendAsync(
                chain.Payer, EscrowAddress, chain.Escrow.Function("createEscrow"), [NewPaymentId(), chain.Payee, TokenAddress, ContractChainFixture.Mxnb, new BigInteger(custodyEnd)]));
            Assert.Equal("EnforcedPause", create.Reason.ErrorName);

            await chain.Transactor.SendAsync(chain.Payer, EscrowAddress, chain.Escrow.Function("dispute"), [other]);
            Assert.Equal(new BigInteger(Disputed), (await GetEscrowAsync(other))[7]);
        }
        finally
        {
            await chain.Transactor.SendAsync(chain.Admin, EscrowAddress, chain.Escrow.Function("unpause"), []);
        }

        await chain.Transactor.SendAsync(chain.Operator, EscrowAddress, chain.Escrow.Function("release"), [escrowId]);
        Assert.Equal(new BigInteger(Released), (await GetEscrowAsync(escrowId))[7]);
    }

    [Fact]
    public async Task Unknown_escrow_id_reverts_with_escrow_not_found()
    {
        var error = await Assert.ThrowsAsync<ContractRevertedException>(() => GetEscrowAsync(new BigInteger(987_654)));

        Assert.Equal("EscrowNotFound", error.Reason.ErrorName);
        Assert.Equal(new BigInteger(987_654), error.Reason.Arguments[0]);
    }

    [Fact]
    public async Task Reentering_create_escrow_from_a_hostile_token_is_refused()
    {
        ContractArtifact hostile = ContractArtifacts.Load("test/ReentrantToken");
        TransactionReceipt deployed = await chain.Transactor.SendAsync(chain.Admin, null, hostile.CreateDeploymentData(), BigInteger.Zero);
        Address token = deployed.ContractAddress!.Value;
        ulong custodyEnd = await chain.LatestTimestampAsync() + 3_600;
        AbiFunction create = chain.Escrow.Function("createEscrow");
        await chain.Transactor.SendAsync(chain.Admin, token, hostile.Function("approve"), [EscrowAddress, 10 * ContractChainFixture.Mxnb]);
        byte[] nested = create.EncodeCall(NewPaymentId(), chain.Payee, token, ContractChainFixture.Mxnb, new BigInteger(custodyEnd));
        await chain.Transactor.SendAsync(chain.Admin, token, hostile.Function("arm"), [EscrowAddress, nested]);
        BigInteger lastBefore = (BigInteger)(await chain.Rpc.CallAsync(EscrowAddress, chain.Escrow.Function("lastEscrowId"), []))[0]!;

        var error = await Assert.ThrowsAsync<ContractRevertedException>(() => chain.Transactor.SendAsync(
            chain.Admin, EscrowAddress, create, [NewPaymentId(), chain.Payee, token, ContractChainFixture.Mxnb, new BigInteger(custodyEnd)]));

        Assert.Equal("ReentrancyGuardReentrantCall", error.Reason.ErrorName);
        await chain.Transactor.SendAsync(chain.Admin, token, hostile.Function("arm"), [Address.Zero, Array.Empty<byte>()]);
        await chain.Transactor.SendAsync(chain.Admin, EscrowAddress, create, [NewPaymentId(), chain.Payee, token, ContractChainFixture.Mxnb, new BigInteger(custodyEnd)]);
        Assert.Equal(lastBefore + 1, (BigInteger)(await chain.Rpc.CallAsync(EscrowAddress, chain.Escrow.Function("lastEscrowId"), []))[0]!);
    }

    private async Task<BigInteger> CreateEscrowAsync(BigInteger amount, ulong custodySeconds = 86_400, byte[]? paymentId = null)
    {
        ulong custodyEnd = await chain.LatestTimestampAsync() + custodySeconds;
        await chain.Transactor.SendAsync(chain.Payer, TokenAddress, chain.Token.Function("approve"), [EscrowAddress, amount]);
        TransactionReceipt receipt = await chain.Transactor.SendAsync(
            chain.Payer, EscrowAddress, chain.Escrow.Function("createEscrow"), [paymentId ?? NewPaymentId(), chain.Payee, TokenAddress, amount, new BigInteger(custodyEnd)]);
        return Single(receipt, EscrowAddress, chain.Escrow.Event("EscrowCreated")).Get<BigInteger>("escrowId");
    }

    private async Task<object?[]> GetEscrowAsync(BigInteger escrowId) =>
        (object?[])(await chain.Rpc.CallAsync(EscrowAddress, chain.Escrow.Function("getEscrow"), [escrowId]))[0]!;

    private async Task AssertRevertsAsync(string errorName, Nethereum.Signer.IEthExternalSigner signer, string function, params object?[] arguments)
    {
        var error = await Assert.ThrowsAsync<ContractRevertedException>(() =>
            chain.Transactor.SendAsync(signer, EscrowAddress, chain.Escrow.Function(function), arguments));
        Assert.Equal(errorName, error.Reason.ErrorName);
    }

    private static byte[] NewPaymentId() => RandomNumberGenerator.GetBytes(32);

    private static IReadOnlyList<DecodedEvent> Events(TransactionReceipt receipt, Address emitter, AbiEvent abiEvent) =>
        receipt.Logs.Where(l => l.Address == emitter && abiEvent.Matches(l.Topics)).Select(l => abiEvent.Decode(l.Topics, l.Data)).ToArray();

    private static DecodedEvent Single(TransactionReceipt receipt, Address emitter, AbiEvent abiEvent) =>
        Assert.Single(Events(receipt, emitter, abiEvent));
}

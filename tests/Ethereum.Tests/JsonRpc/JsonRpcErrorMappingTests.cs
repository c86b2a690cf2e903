using System.Net;
using System.Numerics;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.JsonRpc;

namespace PaymentFunctions.Ethereum.Tests.JsonRpc;

public sealed class JsonRpcErrorMappingTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:1/");

    [Theory]
    [InlineData(-32000, "nonce too low: next nonce 5, tx nonce 4", JsonRpcErrorKind.NonceTooLow)]
    [InlineData(-32000, "already known", JsonRpcErrorKind.AlreadyKnown)]
    [InlineData(-32003, "transaction already imported", JsonRpcErrorKind.AlreadyKnown)]
    [InlineData(-32000, "replacement transaction underpriced", JsonRpcErrorKind.ReplacementUnderpriced)]
    [InlineData(-32000, "transaction underpriced", JsonRpcErrorKind.FeeTooLow)]
    [InlineData(-32003, "max fee per gas less than block base fee", JsonRpcErrorKind.FeeTooLow)]
    [InlineData(-32000, "insufficient funds for gas * price + value", JsonRpcErrorKind.InsufficientFunds)]
    [InlineData(-32000, "intrinsic gas too low", JsonRpcErrorKind.IntrinsicGasTooLow)]
    [InlineData(-32601, "the method eth_x does not exist", JsonRpcErrorKind.MethodNotFound)]
    [InlineData(-32000, "something else", JsonRpcErrorKind.Unknown)]
    public async Task Classifies_node_errors(long code, string message, JsonRpcErrorKind kind)
    {
        var client = Client(HttpStatusCode.OK, $$$"""{"jsonrpc":"2.0","id":1,"error":{"code":{{{code}}},"message":"{{{message}}}"}}""");

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => client.SendRawTransactionAsync(new byte[] { 1 }));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.RpcMessage);
    }

    [Fact]
    public async Task Revert_data_nested_in_an_object_is_decoded()
    {
        var data = Hex.Encode(AbiError.Panic.Encode(0x12));
        var client = Client(HttpStatusCode.OK, $$$$"""{"jsonrpc":"2.0","id":1,"error":{"code":-32015,"message":"VM execution error: reverted","data":{"data":"{{{{data}}}}"}}}""");

        var error = await Assert.ThrowsAsync<ContractRevertedException>(() => client.CallAsync(new CallRequest()));

        Assert.Equal(RevertKind.Panic, error.Reason.Kind);
        Assert.Equal(new BigInteger(0x12), error.Reason.PanicCode);
        Assert.Contains("division", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_body_with_http_500_still_maps_to_the_rpc_error()
    {
        var client = Client(HttpStatusCode.InternalServerError, """{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"nonce too high"}}""");
        var error = await Assert.ThrowsAsync<JsonRpcException>(() => client.GetBlockNumberAsync());
        Assert.Equal(JsonRpcErrorKind.NonceTooHigh, error.Kind);
    }

    [Fact]
    public async Task Non_json_error_pages_surface_as_http_errors()
    {
        var client = Client(HttpStatusCode.BadGateway, "<html>bad gateway</html>");
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetBlockNumberAsync());
    }

    [Fact]
    public async Task Non_json_success_is_an_invalid_response()
    {
        var client = Client(HttpStatusCode.OK, "hello");
        var error = await Assert.ThrowsAsync<JsonRpcException>(() => client.GetBlockNumberAsync());
        Assert.Equal(JsonRpcErrorKind.InvalidResponse, error.Kind);
    }

    [Fact]
    public async Task Requests_use_hex_quantities_and_lower_case_addresses()
    {
        var handler = new StubHandler(HttpStatusCode.OK, """{"jsonrpc":"2.0","id":1,"result":"0x1f"}""");
        var client = new EthereumRpcClient(new HttpClient(handler), Endpoint);
        var account = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

        var count = await client.GetTransactionCountAsync(account, BlockParameter.FromNumber(255));

        Assert.Equal(new BigInteger(31), count);
        var request = handler.Requests.Single().RootElement;
        Assert.Equal("2.0", request.GetProperty("jsonrpc").GetString());
        Assert.Equal("eth_getTransactionCount", request.GetProperty("method").GetString());
        var parameters = request.GetProperty("params");
        Assert.Equal("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", parameters[0].GetString());
        Assert.Equal("0xff", parameters[1].GetString());
    }

    [Fact]
    public async Task Call_request_serializes_only_the_fields_that_are_set()
    {
        var handler = new StubHandler(HttpStatusCode.OK, """{"jsonrpc":"2.0","id":1,"result":"0x"}""");
        var client = new EthereumRpcClient(new HttpClient(handler), Endpoint);

        await client.CallAsync(new CallRequest { To = Address.Zero, Data = new byte[] { 0xab }, Value = 16 });

        var call = handler.Requests.Single().RootElement.GetProperty("params")[0];
        Assert.Equal("0x10", call.GetProperty("value").GetString());
        Assert.Equal("0xab", call.GetProperty("data").GetString());
        Assert.False(call.TryGetProperty("from", out _));
        Assert.False(call.TryGetProperty("gas", out _));
        Assert.Equal("latest", handler.Requests.Single().RootElement.GetProperty("params")[1].GetString());
    }

    private static EthereumRpcClient Client(HttpStatusCode status, string body) =>
        new(new HttpClient(new StubHandler(status, body)), Endpoint);
}

using System.Net;
using Microsoft.AspNetCore.Http;
using PaymentFunctions.App.Security;

namespace PaymentFunctions.App.Tests.Security;

public sealed class KeyCheckTests
{
    private static readonly FunctionKeyMetadata Admin = new(AuthorizationLevel.Admin, AcceptsDurableTaskKey: true);
    private static readonly FunctionKeyMetadata Function = new(AuthorizationLevel.Function);

    [Fact]
    public void Without_any_key_configured_only_loopback_callers_pass_without_a_key()
    {
        var none = new FunctionKeyOptions();

        Assert.True(FunctionKeys.IsAuthorized(Request(IPAddress.Loopback), Admin, none));
        Assert.True(FunctionKeys.IsAuthorized(Request(IPAddress.IPv6Loopback), Function, none));
        Assert.False(FunctionKeys.IsAuthorized(Request(IPAddress.Parse("10.1.2.3")), Admin, none));
        Assert.False(FunctionKeys.IsAuthorized(Request(null), Admin, none));
    }

    [Fact]
    public void A_function_key_alone_ends_keyless_local_access_and_leaves_management_closed()
    {
        var functionOnly = new FunctionKeyOptions { Function = "fn" };

        Assert.False(FunctionKeys.IsAuthorized(Request(IPAddress.Loopback), Function, functionOnly));
        Assert.True(FunctionKeys.IsAuthorized(Request(IPAddress.Loopback, header: "fn"), Function, functionOnly));
        Assert.False(FunctionKeys.IsAuthorized(Request(IPAddress.Loopback, header: "fn"), Admin, functionOnly));
        Assert.False(FunctionKeys.IsAuthorized(Request(IPAddress.Loopback, header: ""), Admin, functionOnly));
    }

    [Fact]
    public void With_keys_loopback_callers_need_them_too_and_each_key_opens_only_its_levels()
    {
        var keys = new FunctionKeyOptions { Admin = "admin", Function = "fn", DurableTask = "dt" };

        Assert.False(FunctionKeys.IsAuthorized(Request(IPAddress.Loopback), Function, keys));
        Assert.True(FunctionKeys.IsAuthorized(Request(IPAddress.Loopback, header: "admin"), Admin, keys));
        Assert.True(FunctionKeys.IsAuthorized(Request(IPAddress.Loopback, code: "fn"), Function, keys));
        Assert.False(FunctionKeys.IsAuthorized(Request(IPAddress.Loopback, code: "fn"), Admin, keys));
        Assert.True(FunctionKeys.IsAuthorized(Request(IPAddress.Loopback, code: "dt"), Admin, keys));
        Assert.False(FunctionKeys.IsAuthorized(Request(IPAddress.Loopback, code: "dt"), new FunctionKeyMetadata(AuthorizationLevel.Admin), keys));
        Assert.False(FunctionKeys.IsAuthorized(Request(IPAddress.Loopback, header: "admi"), Admin, keys));
    }

    private static DefaultHttpContext Request(IPAddress? remote, string? header = null, string? code = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = remote;
        if (header is not null)
        {
            context.Request.Headers[FunctionKeys.HeaderName] = header;
        }

        if (code is not null)
        {
            context.Request.QueryString = new QueryString("?code=" + code);
        }

        return context;
    }
}

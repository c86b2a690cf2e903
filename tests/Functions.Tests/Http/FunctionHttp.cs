using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace PaymentFunctions.Functions.Tests.Http;

/// <summary>Requests as the Functions ASP.NET Core integration hands them in, and the responses functions write.</summary>
public static class FunctionHttp
{
    public sealed record Response(int StatusCode, IHeaderDictionary Headers, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(this.Body).RootElement;
    }

    /// <summary>A request on <paramref name="services"/> (the invocation's scope), with an optional JSON body.</summary>
    public static HttpRequest Request(IServiceProvider services, string method, string path, string? json = null)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("func-payments.azurewebsites.net");
        context.Request.Path = path;
        if (json is not null)
        {
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>Writes the function's result as the integration does and reads back what went out.</summary>
    public static async Task<Response> SendAsync(HttpRequest request, Task<IActionResult> function)
    {
        var result = await function;
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        return new Response(context.Response.StatusCode, context.Response.Headers, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }
}

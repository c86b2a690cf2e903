using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.LocalStack.Stack;

/// <summary>
/// A managed identity endpoint for the app process, speaking the protocol App Service offers its apps
/// (<c>IDENTITY_ENDPOINT</c> and <c>IDENTITY_HEADER</c>). The app keeps its production credential chain
/// (<c>DefaultAzureCredential</c>) and gets tokens the Key Vault emulator accepts, as it would from App Service.
/// </summary>
internal sealed class AppProcessIdentityEndpoint : IDisposable
{
    private const string Token = "local-emulator-token";
    private readonly HttpListener _listener;
    private readonly Task _serving;

    private AppProcessIdentityEndpoint(HttpListener listener, Uri endpoint, string secret)
    {
        _listener = listener;
        Endpoint = endpoint;
        Secret = secret;
        _serving = ServeAsync();
    }

    /// <summary>The token URL, for <c>IDENTITY_ENDPOINT</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The header value callers must send (<c>IDENTITY_HEADER</c>), so no other local process gets tokens by accident.</summary>
    public string Secret { get; }

    /// <summary>The environment variables that point a process's managed identity credential here.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["IDENTITY_ENDPOINT"] = Endpoint.ToString(),
        ["IDENTITY_HEADER"] = Secret,
    };

    public static AppProcessIdentityEndpoint Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            var endpoint = new Uri($"http://127.0.0.1:{FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture)}/msi/token/");
            var listener = new HttpListener();
            listener.Prefixes.Add(endpoint.ToString());
            try
            {
                listener.Start();
                return new AppProcessIdentityEndpoint(listener, endpoint, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
            }
            catch (HttpListenerException) when (attempt < 3)
            {
                // The port was taken between probing and binding.
                listener.Close();
            }
        }
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Stopped while serving.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var response = context.Response;
            if (context.Request.Headers["X-IDENTITY-HEADER"] != Secret)
            {
                response.StatusCode = (int)HttpStatusCode.Unauthorized;
                continue;
            }

            // App Service's answer: the token, its resource, and expiry as Unix seconds.
            var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
            {
                ["access_token"] = Token,
                ["expires_on"] = DateTimeOffset.UtcNow.AddHours(12).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                ["resource"] = context.Request.QueryString["resource"] ?? "",
                ["token_type"] = "Bearer",
            });
            response.ContentType = "application/json";
            response.ContentEncoding = Encoding.UTF8;
            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
        }
    }
}

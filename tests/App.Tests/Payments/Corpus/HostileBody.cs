namespace PaymentFunctions.App.Tests.Payments.Corpus;

/// <summary>One hostile request body: its bytes, what it tries, and the field the answer must name.</summary>
/// <param name="Name">What the body tries, for the failure message.</param>
/// <param name="Bytes">The body as sent.</param>
/// <param name="Field">The field the problem must name (<c>body</c> for the body as a whole).</param>
/// <param name="Chunked">Sent without a Content-Length, so only reading can tell its size.</param>
public sealed record HostileBody(string Name, byte[] Bytes, string Field, bool Chunked = false);

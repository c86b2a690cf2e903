using Azure;

namespace PaymentFunctions.KeyVault.Keys;

/// <summary>Key Vault's paged lists as an <see cref="AsyncPageable{T}"/>: each page's <c>nextLink</c> is the continuation token.</summary>
internal sealed class KeyPropertiesPageable(
    Func<string?, int?, CancellationToken, Task<Page<KeyVaultKeyProperties>>> fetchPage,
    CancellationToken cancellationToken) : AsyncPageable<KeyVaultKeyProperties>(cancellationToken)
{
    public override async IAsyncEnumerable<Page<KeyVaultKeyProperties>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        do
        {
            Page<KeyVaultKeyProperties> page = await fetchPage(continuationToken, pageSizeHint, CancellationToken).ConfigureAwait(false);
            yield return page;
            continuationToken = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuationToken));
    }
}

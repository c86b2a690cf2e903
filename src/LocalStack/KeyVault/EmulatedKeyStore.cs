namespace PaymentFunctions.LocalStack.KeyVault;

/// <summary>
/// In-memory keys by name, each with its versions in creation order (the last is the current one).
/// </summary>
internal sealed class EmulatedKeyStore : IDisposable
{
    private readonly Dictionary<string, List<EmulatedKey>> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    public EmulatedKey Create(string name, string keyType, IReadOnlyList<string> keyOperations)
    {
        var key = new EmulatedKey(name, Guid.NewGuid().ToString("N"), keyType, keyOperations, DateTimeOffset.UtcNow);
        lock (_lock)
        {
            if (!_keys.TryGetValue(name, out List<EmulatedKey>? versions))
            {
                versions = [];
                _keys.Add(name, versions);
            }

            versions.Add(key);
        }

        return key;
    }

    public EmulatedKey? Find(string name, string? version)
    {
        lock (_lock)
        {
            if (!_keys.TryGetValue(name, out List<EmulatedKey>? versions))
            {
                return null;
            }

            return string.IsNullOrEmpty(version)
                ? versions[^1]
                : versions.Find(k => string.Equals(k.Version, version, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>The current version of every key, ordered by name (Key Vault lists keys in no promised order; a stable one keeps pages consistent).</summary>
    public IReadOnlyList<EmulatedKey> ListCurrent()
    {
        lock (_lock)
        {
            return _keys.Values.Select(v => v[^1]).OrderBy(k => k.Name, StringComparer.OrdinalIgnoreCase).ToArray();
        }
    }

    /// <summary>Every version of key <paramref name="name"/>, oldest first; null when there is no such key.</summary>
    public IReadOnlyList<EmulatedKey>? ListVersions(string name)
    {
        lock (_lock)
        {
            return _keys.TryGetValue(name, out List<EmulatedKey>? versions) ? versions.ToArray() : null;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (EmulatedKey key in _keys.Values.SelectMany(v => v))
            {
                key.Dispose();
            }

            _keys.Clear();
        }
    }
}

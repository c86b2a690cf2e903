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

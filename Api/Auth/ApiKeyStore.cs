using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Npgsql;

namespace O2C.Api.Auth;

/// <summary>
/// The keys in <c>api_keys</c> (migration 0017), by the SHA-256 of the key. What a silo read about a
/// key it keeps for <see cref="AuthOptions.KeyCacheTime"/>, unknown keys included, so a request costs
/// no round trip; a revoke clears this silo's memory at once and the others' within that time.
/// </summary>
public sealed class ApiKeyStore(NpgsqlDataSource dataSource, IOptions<AuthOptions> options)
{
    // Unknown keys are remembered too: bound the memory a stream of made-up keys can take.
    private const int MaxRemembered = 10_000;

    // Wall time, never the business clock: a manual clock that stands still would keep a revoked key forever.
    private static readonly TimeProvider Time = TimeProvider.System;

    private readonly ConcurrentDictionary<string, (KeyHolder? Holder, long ExpiresAt)> _remembered = new();

    /// <summary>The holder of <paramref name="key"/>, or null when it is unknown or revoked.</summary>
    public async Task<KeyHolder?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecret.Hash(key);
        var cacheKey = Convert.ToHexString(hash);
        var now = Time.GetTimestamp();
        if (_remembered.TryGetValue(cacheKey, out var known) && known.ExpiresAt > now)
        {
            return known.Holder;
        }

        KeyHolder? holder = null;
        await using (var command = dataSource.CreateCommand("SELECT key_id, name, role, key_hash FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = hash });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken) && CryptographicOperations.FixedTimeEquals(reader.GetFieldValue<byte[]>(3), hash))
            {
                holder = new KeyHolder(reader.GetString(0), reader.GetString(1), reader.GetString(2));
            }
        }

        if (_remembered.Count >= MaxRemembered)
        {
            _remembered.Clear();
        }

        _remembered[cacheKey] = (holder, now + (long)(options.Value.KeyCacheTime.TotalSeconds * Time.TimestampFrequency));
        return holder;
    }

    public async Task<CreatedApiKey> CreateAsync(NewApiKey request, CancellationToken cancellationToken)
    {
        var key = ApiKeySecret.New();
        var id = ApiKeySecret.NewId();
        await using var command = dataSource.CreateCommand("INSERT INTO api_keys (key_id, name, role, key_hash) VALUES ($1, $2, $3, $4) RETURNING created_at");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = request.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = request.Role });
        command.Parameters.Add(new NpgsqlParameter { Value = ApiKeySecret.Hash(key) });
        var createdAt = (DateTime)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new CreatedApiKey(id, request.Name, request.Role, new DateTimeOffset(createdAt, TimeSpan.Zero), key);
    }

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(CancellationToken cancellationToken)
    {
        var keys = new List<ApiKeyView>();
        await using var command = dataSource.CreateCommand("SELECT key_id, name, role, created_at, revoked_at FROM api_keys ORDER BY created_at, key_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new ApiKeyView(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return keys;
    }

    /// <summary>Revokes a key; false when there is no such key. Revoking twice keeps the first time.</summary>
    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE key_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = keyId });
        var found = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        _remembered.Clear();
        return found;
    }
}

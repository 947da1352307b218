using System.ComponentModel.DataAnnotations;

namespace O2C.Api.Auth;

/// <summary><c>O2C:Auth</c>: API keys.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "O2C:Auth";

    /// <summary>
    /// An admin key to accept (tests, compose): stored hashed at start, replacing the key printed on a
    /// fresh database. Unset: a fresh database gets a generated admin key, written to <see cref="AdminKeyFile"/>.
    /// </summary>
    public string? AdminKey { get; set; }

    /// <summary>Where a generated admin key is written (mode 0600), relative to the working directory.</summary>
    public string AdminKeyFile { get; set; } = "./data/admin-key";

    /// <summary>How long a silo trusts what it read about a key; a revoke on another silo takes effect within it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan KeyCacheTime { get; set; } = TimeSpan.FromSeconds(10);
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace O2C.Api.Auth;

public static class AuthHostingExtensions
{
    /// <summary>
    /// API keys (<see cref="ApiKeyAuthenticationHandler"/>) and one policy per role. The fallback policy is
    /// admin-only: an endpoint that names no policy (a new one, say) is closed to every other role until
    /// it is given one; pages and probes that must stay open say <c>AllowAnonymous</c>.
    /// </summary>
    public static WebApplicationBuilder AddO2CAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>()
            .Bind(builder.Configuration.GetSection(AuthOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrEmpty(o.AdminKey) || ApiKeySecret.Plausible(o.AdminKey),
                $"O2C:Auth:AdminKey must be {ApiKeySecret.MinLength} to {ApiKeySecret.MaxLength} characters long")
            .ValidateOnStart();
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddHostedService<AdminKeyBootstrap>();
        builder.Services.AddAuthentication(ApiKeyHeader.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyHeader.Scheme, null);
        builder.Services.AddAuthorization(options =>
        {
            foreach (var (policy, roles) in ApiRoles.Policies)
            {
                options.AddPolicy(policy, p => p.RequireRole([.. roles, ApiRoles.Admin]));
            }

            options.FallbackPolicy = options.GetPolicy(ApiRoles.AdminPolicy);
        });
        return builder;
    }
}

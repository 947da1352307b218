using Microsoft.Extensions.Hosting;
using O2C.Runtime;

namespace O2C.Grains;

public static class GrainsHostingExtensions
{
    /// <summary>The grain runtime with the order-to-cash grains and their policies (ladders, risk thresholds, templates).</summary>
    public static IHostApplicationBuilder AddO2CGrains(this IHostApplicationBuilder builder)
    {
        builder.AddGrainRuntime(typeof(GrainsHostingExtensions).Assembly);
        return builder;
    }
}

using O2C.Bench.Api;
using O2C.Bench.Load;
using O2C.Bench.Reporting;

namespace O2C.Bench.Scenarios;

/// <summary>How an ingest run becomes a figure: orders/s with the latency per request; failed if any order failed.</summary>
public static class IngestFigures
{
    public static Figure Rate(string scenario, string what, LoadResult result, OrderOutcomes outcomes, LoadShape shape)
    {
        var figure = new Figure(scenario, $"orders/s, {what} ({shape})", result.UnitsPerSecond, "orders/s").WithLatency(result.Latency).WithCpu(result);
        if (result.Errors > 0)
        {
            return figure with { Status = $"failed: {result.Errors} of {result.Requests} requests failed, first: {result.FirstError}" };
        }

        return outcomes.NotInvoiced() > 0 ? figure with { Status = $"failed: not every order was invoiced ({outcomes})" } : figure;
    }
}

namespace O2C.Bench.Scenarios;

/// <summary>One benchmark scenario: drives the silo over HTTP and adds its figures to the report.</summary>
public interface IScenario
{
    string Name { get; }

    /// <summary>Orders whose rows P-COPY copies when this scenario runs alone.</summary>
    int CopyOrders(ScenarioContext context);

    Task RunAsync(ScenarioContext context, CancellationToken cancellationToken);
}

using O2C.Silo.Hosting;
using O2C.Tests.Support;

namespace O2C.Grains.Tests.Flow;

/// <summary>The dunning flows on our grain storage (<c>grain_state</c>, query rows in the state's transaction) and reminder table.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class DunningFlowOnOurStorageTests(PostgresFixture postgres) : DunningFlowTests(postgres, GrainStorageProvider.O2C);

using O2C.Silo.Hosting;
using O2C.Storage;
using O2C.Tests.Support;

namespace O2C.Grains.Tests.Flow;

/// <summary>The dunning flows on Orleans' stock parts only: AdoNet grain storage (<c>orleansstorage</c>, query rows after the state), Orleans' reminder service on the AdoNet table.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class DunningFlowOnAdoNetStorageTests(PostgresFixture postgres) : DunningFlowTests(postgres, GrainStorageProvider.AdoNet, ReminderDelivery.Orleans);

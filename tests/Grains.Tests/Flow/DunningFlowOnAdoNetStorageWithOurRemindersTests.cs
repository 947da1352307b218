using O2C.Silo.Hosting;
using O2C.Storage;
using O2C.Tests.Support;

namespace O2C.Grains.Tests.Flow;

/// <summary>
/// The dunning flows on the stock AdoNet grain storage with our reminder delivery (what
/// <c>O2C:Storage:Provider=AdoNet</c> alone gives): reminder rows are written before the state and
/// removed after it, in transactions of their own.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class DunningFlowOnAdoNetStorageWithOurRemindersTests(PostgresFixture postgres)
    : DunningFlowTests(postgres, GrainStorageProvider.AdoNet, ReminderDelivery.O2C);

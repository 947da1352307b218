using O2C.Tests.Support;

namespace O2C.Delivery.Tests;

[CollectionDefinition(PostgresFixture.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>;

using O2C.Tests.Support;

namespace O2C.Silo.Tests;

[CollectionDefinition(PostgresFixture.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>;

namespace O2C.Cluster.Tests;

[CollectionDefinition(StockProvidersCluster.Collection)]
public sealed class StockProvidersCollection : ICollectionFixture<StockProvidersCluster>;

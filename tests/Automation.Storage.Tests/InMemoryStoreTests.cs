namespace Automation.Storage.Tests;

[TestFixture]
public sealed class InMemoryStoreTests : StoreContractTests
{
    protected override Task<StoreSet> OpenFreshAsync() => StoreSet.OpenAsync(new StorageOptions { Store = "memory" });
}

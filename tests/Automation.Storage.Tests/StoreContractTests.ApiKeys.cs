using Automation.Engine.Persistence;
using static Automation.Storage.Tests.TestData;

namespace Automation.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Test]
    public async Task Api_keys_are_found_by_hash_until_revoked()
    {
        var key = new ApiKeyRecord { Id = NewId("key"), Name = "Invoice bot", KeyHash = NewId("hash"), Roles = ["bot", "operator"], CreatedAt = T0 };
        await ApiKeys.AddAsync(key);

        var found = await ApiKeys.FindByHashAsync(key.KeyHash);
        Assert.That(found, Is.Not.Null);
        Assert.That(found!.Name, Is.EqualTo("Invoice bot"));
        Assert.That(found.Roles, Is.EqualTo(new[] { "bot", "operator" }));
        Assert.That(found.CreatedAt, Is.EqualTo(T0));
        Assert.That((await ApiKeys.ListAsync()).Select(k => k.Id), Does.Contain(key.Id));

        Assert.That(await ApiKeys.RevokeAsync(key.Id, T0.AddDays(1)), Is.True);
        Assert.That(await ApiKeys.FindByHashAsync(key.KeyHash), Is.Null);
        Assert.That(await ApiKeys.RevokeAsync(key.Id, T0.AddDays(2)), Is.True);
        Assert.That((await ApiKeys.ListAsync()).Single(k => k.Id == key.Id).RevokedAt, Is.EqualTo(T0.AddDays(1)), "the first revocation stands");
        Assert.That(await ApiKeys.RevokeAsync("missing", T0), Is.False);
        Assert.That(await ApiKeys.FindByHashAsync("unknown"), Is.Null);
    }

    [Test]
    public async Task Adding_a_key_with_an_existing_id_fails()
    {
        var key = new ApiKeyRecord { Id = NewId("key"), Name = "a", KeyHash = NewId("hash"), Roles = ["admin"], CreatedAt = T0 };
        await ApiKeys.AddAsync(key);
        Assert.ThrowsAsync<InvalidOperationException>(() => ApiKeys.AddAsync(key with { KeyHash = NewId("hash") }));
    }

    [Test]
    public async Task Api_key_store_is_empty_only_before_the_first_key()
    {
        await using var fresh = await OpenFreshAsync();
        Assert.That(await fresh.ApiKeys.IsEmptyAsync(), Is.True);
        await fresh.ApiKeys.AddAsync(new ApiKeyRecord { Id = "k1", Name = "first", KeyHash = "h", Roles = [], CreatedAt = T0 });
        Assert.That(await fresh.ApiKeys.IsEmptyAsync(), Is.False);
    }
}

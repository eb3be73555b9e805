using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Automation.Engine.Credentials;
using static Automation.Storage.Tests.TestData;

namespace Automation.Storage.Tests;

public abstract partial class StoreContractTests
{
    private CredentialVault Vault(byte[]? key = null) =>
        new(Credentials, new AesGcmSecretProtector(key ?? VaultKey), TimeProvider.System);

    private static readonly byte[] VaultKey = AesGcmSecretProtector.NewKey();

    [Test]
    public async Task A_credential_round_trips_with_its_secrets_stored_only_encrypted()
    {
        var name = NewId("finance-bot");
        await Vault().SaveAsync(new CredentialInput(name, "usernamePassword", "Finance system bot account",
            new JsonObject { ["username"] = "ap-bot", ["url"] = "http://127.0.0.1:5301/login" },
            new Dictionary<string, string?> { ["password"] = "Tr0ub4dor&3" }), "admin");

        var stored = await Credentials.GetAsync(name);
        Assert.That(stored, Is.Not.Null);
        Assert.That(stored!.Kind, Is.EqualTo("usernamePassword"));
        Assert.That(stored.Fields["username"]!.GetValue<string>(), Is.EqualTo("ap-bot"));
        Assert.That(stored.SecretNames, Is.EqualTo(new[] { "password" }));
        Assert.That(stored.UpdatedBy, Is.EqualTo("admin"));
        Assert.That(Encoding.UTF8.GetString(stored.ProtectedSecrets), Does.Not.Contain("Tr0ub4dor"), "the store holds ciphertext");
        Assert.That((await Credentials.ListAsync()).Select(c => c.Name), Does.Contain(name));

        var secrets = await Vault().GetSecretsAsync(name);
        Assert.That(secrets["password"], Is.EqualTo("Tr0ub4dor&3"));
        Assert.ThrowsAsync(Is.InstanceOf<CryptographicException>(), () => Vault(AesGcmSecretProtector.NewKey()).GetSecretsAsync(name),
            "another master key cannot read the secrets");
    }

    [Test]
    public async Task Saving_again_without_the_password_keeps_it_and_keeps_the_creation_time()
    {
        var name = NewId("people-portal");
        var first = await Vault().SaveAsync(new CredentialInput(name, "usernamePassword", null, new JsonObject { ["username"] = "hr-bot" },
            new Dictionary<string, string?> { ["password"] = "first-secret" }), "admin");

        await Task.Delay(5);
        var second = await Vault().SaveAsync(new CredentialInput(name, "usernamePassword", "renamed user", new JsonObject { ["username"] = "hr-bot-2" }, null), "ops");

        var stored = await Credentials.GetAsync(name);
        Assert.That(stored!.Fields["username"]!.GetValue<string>(), Is.EqualTo("hr-bot-2"));
        Assert.That(stored.CreatedAt, Is.EqualTo(first.Record.CreatedAt).Within(TimeSpan.FromMilliseconds(1)));
        Assert.That(stored.UpdatedAt, Is.EqualTo(second.Record.UpdatedAt).Within(TimeSpan.FromMilliseconds(1)));
        Assert.That((await Vault().GetSecretsAsync(name))["password"], Is.EqualTo("first-secret"));
    }

    [Test]
    public async Task An_invalid_credential_is_refused_naming_each_field_and_nothing_is_stored()
    {
        var name = NewId("mail");
        var error = Assert.ThrowsAsync<CredentialValidationException>(() => Vault().SaveAsync(new CredentialInput(name, "mailServer", null,
            new JsonObject { ["port"] = "not a number", ["security"] = "tls9", ["colour"] = "blue" }, new Dictionary<string, string?> { ["pin"] = "1234" }), "admin"));

        Assert.That(error!.Errors.Select(e => e.Field), Is.EquivalentTo(new[] { "secrets.pin", "fields.port", "fields.security", "fields.colour", "fields.host" }));
        Assert.That(await Credentials.GetAsync(name), Is.Null);
        var kind = Assert.ThrowsAsync<CredentialValidationException>(() => Vault().SaveAsync(new CredentialInput(name, "kerberos", null, null, null), "admin"));
        Assert.That(kind!.Errors.Single().Code, Is.EqualTo("unknown-kind"));
    }

    [Test]
    public async Task Deleting_a_credential_removes_it_once()
    {
        var name = NewId("api");
        await Vault().SaveAsync(new CredentialInput(name, "apiKey", null, null, new Dictionary<string, string?> { ["apiKey"] = "k" }), "admin");
        Assert.That(await Credentials.DeleteAsync(name), Is.True);
        Assert.That(await Credentials.GetAsync(name), Is.Null);
        Assert.That(await Credentials.DeleteAsync(name), Is.False);
        Assert.ThrowsAsync<KeyNotFoundException>(() => Vault().GetSecretsAsync(name));
    }
}

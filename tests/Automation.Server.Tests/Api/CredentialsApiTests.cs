using System.Net.Http.Json;
using Automation.Engine.Credentials;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Server.Tests.Api;

[TestFixture]
public sealed class CredentialsApiTests
{
    private const string Password = "S3cret-Finance-Pa55";

    [Test]
    public async Task An_admin_saves_a_credential_whose_password_is_never_shown_logged_or_stored_in_clear_and_survives_a_restart()
    {
        var dataDirectory = ServerHarness.NewDataDirectory();
        var settings = new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" };
        await using (var server = await ServerHarness.StartAsync(settings, dataDirectory: dataDirectory))
        {
            using var api = server.Client();
            var created = await api.PutAsJsonAsync("/api/credentials/finance-bot", new
            {
                kind = "usernamePassword", description = "Finance system, accounts payable bot",
                fields = new { username = "ap-bot", url = "http://127.0.0.1:5301/login" }, secrets = new { password = Password },
            });
            var createdText = await created.Content.ReadAsStringAsync();
            Assert.That((int)created.StatusCode, Is.EqualTo(201), createdText);
            Assert.That(created.Headers.Location?.ToString(), Is.EqualTo("/api/credentials/finance-bot"));
            Assert.That(createdText, Does.Not.Contain(Password));

            var view = await Http.ReadAsync(await api.GetAsync("/api/credentials/finance-bot"), 200);
            Assert.That(view["secretNames"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { "password" }));
            Assert.That(view["fields"]!["username"]!.GetValue<string>(), Is.EqualTo("ap-bot"));
            Assert.That(view["updatedBy"]!.GetValue<string>(), Is.EqualTo("bootstrap-admin"));
            Assert.That(view.ToJsonString(), Does.Not.Contain(Password));

            // Changing the user name alone keeps the password.
            var updated = await api.PutAsJsonAsync("/api/credentials/finance-bot", new { kind = "usernamePassword", fields = new { username = "ap-bot-2" } });
            Assert.That((int)updated.StatusCode, Is.EqualTo(200), await updated.Content.ReadAsStringAsync());
            var list = await Http.ReadArrayAsync(await api.GetAsync("/api/credentials"), 200);
            Assert.That(list.Select(c => c!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "finance-bot" }));
            Assert.That(list.ToJsonString(), Does.Not.Contain(Password));
        }

        Assert.That(File.Exists(Path.Combine(dataDirectory, "master.key")), Is.True, "the generated master key is kept in the data directory");
        await using (var restarted = await ServerHarness.StartAsync(settings, dataDirectory: dataDirectory))
        {
            var secrets = await restarted.Services.GetRequiredService<CredentialVault>().GetSecretsAsync("finance-bot");
            Assert.That(secrets["password"], Is.EqualTo(Password), "the same key file decrypts after a restart");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var everything = Directory.GetFiles(dataDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("master.key", StringComparison.Ordinal))
            .Select(f => System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(f)));
        Assert.That(string.Concat(everything), Does.Not.Contain(Password), "neither the database nor the logs hold the password in clear");
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Test]
    public async Task Process_owners_may_list_credentials_for_the_picker_but_only_admins_change_them()
    {
        await using var server = await ServerHarness.StartAsync();
        using var admin = server.Client();
        await Http.ReadAsync(await admin.PutAsJsonAsync("/api/credentials/hr-portal",
            new { kind = "usernamePassword", fields = new { username = "hr-bot" }, secrets = new { password = "x" } }), 201);
        using var owner = server.Client(await server.CreateKeyAsync("Process owner", "processOwner"));

        var names = await Http.ReadArrayAsync(await owner.GetAsync("/api/credentials"), 200);
        Assert.That(names.Select(c => c!["name"]!.GetValue<string>()), Does.Contain("hr-portal"));
        var kinds = await Http.ReadArrayAsync(await owner.GetAsync("/api/credentials/kinds"), 200);
        Assert.That(kinds.Select(k => k!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "usernamePassword", "apiKey", "mailServer", "other" }));

        await Http.ReadProblemAsync(await owner.PutAsJsonAsync("/api/credentials/hr-portal", new { kind = "usernamePassword", fields = new { username = "me" } }), 403);
        await Http.ReadProblemAsync(await owner.DeleteAsync("/api/credentials/hr-portal"), 403);
        Assert.That((int)(await admin.DeleteAsync("/api/credentials/hr-portal")).StatusCode, Is.EqualTo(204));
        var gone = await Http.ReadProblemAsync(await admin.GetAsync("/api/credentials/hr-portal"), 404);
        Assert.That(gone["detail"]!.GetValue<string>(), Does.Contain("no credential called 'hr-portal'"));
        await Http.ReadProblemAsync(await admin.DeleteAsync("/api/credentials/hr-portal"), 404);
    }

    [Test]
    public async Task An_invalid_credential_is_a_400_naming_every_field_and_is_not_saved()
    {
        await using var server = await ServerHarness.StartAsync();
        using var admin = server.Client();

        var problem = await Http.ReadProblemAsync(await admin.PutAsJsonAsync("/api/credentials/mail",
            new { kind = "mailServer", fields = new { port = "993", security = "tls9" } }), 400);

        var fields = problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToList();
        Assert.That(fields, Is.EquivalentTo(new[] { "fields.port", "fields.security", "fields.host" }));
        var kind = await Http.ReadProblemAsync(await admin.PutAsJsonAsync("/api/credentials/mail", new { kind = "kerberos" }), 400);
        Assert.That(kind["errors"]![0]!["message"]!.GetValue<string>(), Does.Contain("'kerberos' is not a kind of credential"));
        var name = await Http.ReadProblemAsync(await admin.PutAsJsonAsync("/api/credentials/bad%20name", new { kind = "apiKey", secrets = new { apiKey = "k" } }), 400);
        Assert.That(name["errors"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("name"));
        await Http.ReadProblemAsync(await admin.GetAsync("/api/credentials/mail"), 404);
    }
}

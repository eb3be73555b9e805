using Microsoft.Extensions.DependencyInjection;

namespace Automation.Storage.Tests;

public sealed class StorageRegistrationTests
{
    [Test]
    public void An_unknown_store_name_fails_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddAutomationStorage(new StorageOptions { Store = "oracle" }));
        Assert.That(error!.Message, Does.Contain("Automation__Store").And.Contain("oracle"));
    }

    [Test]
    public void Postgres_without_a_connection_string_fails_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddAutomationStorage(new StorageOptions { Store = "postgres" }));
        Assert.That(error!.Message, Does.Contain("Automation__ConnectionString"));
    }

    [Test]
    public void The_default_store_is_sqlite_in_the_data_folder()
    {
        var options = new StorageOptions();
        Assert.That(options.Store, Is.EqualTo("sqlite"));
        Assert.That(options.DataDirectory, Is.EqualTo("./data"));
    }

    [Test]
    public void Store_names_ignore_case_and_spaces()
    {
        Assert.DoesNotThrow(() => new ServiceCollection().AddAutomationStorage(new StorageOptions { Store = " Memory " }));
    }
}

using Automation.Testing;

namespace Automation.Storage.Tests;

/// <summary>Once per test run: stops the PostgreSQL server the run started, while the test host is still alive.</summary>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public void StopPostgres() => PostgresServer.StopStarted();
}

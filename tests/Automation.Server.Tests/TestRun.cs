using Automation.Testing;

namespace Automation.Server.Tests;

/// <summary>Stops the PostgreSQL server the run started, if a test used one.</summary>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public void StopPostgres() => PostgresServer.StopStarted();
}

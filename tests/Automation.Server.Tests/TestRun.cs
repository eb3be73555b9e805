using Automation.Testing;

namespace Automation.Server.Tests;

/// <summary>Stops the PostgreSQL server the run started, if a test used one, and leaves the shared mail relay.</summary>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public void StopSharedServers()
    {
        PostgresServer.StopStarted();
        Automation.Testing.Mail.MailServer.ReleaseSharedRelay();
    }
}

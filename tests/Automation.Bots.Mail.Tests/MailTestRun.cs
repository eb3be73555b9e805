using Automation.Testing.Mail;

namespace Automation.Bots.Mail.Tests;

/// <summary>Stops the shared mail relay when this assembly's tests are done (unless another test process still uses it).</summary>
[SetUpFixture]
public sealed class MailTestRun
{
    [OneTimeTearDown]
    public void StopSharedServers() => MailServer.ReleaseSharedRelay();
}

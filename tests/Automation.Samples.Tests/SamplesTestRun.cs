using Automation.Testing.Mail;

namespace Automation.Samples.Tests;

/// <summary>Releases the machine's shared OpenSMTPD that the starter/leaver bot's mail tests use.</summary>
[SetUpFixture]
public sealed class SamplesTestRun
{
    [OneTimeTearDown]
    public void StopSharedServers() => MailServer.ReleaseSharedRelay();
}

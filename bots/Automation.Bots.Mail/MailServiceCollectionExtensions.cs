using Automation.Bots.Mail.Accounts;
using Automation.Bots.Mail.Triggers;
using Automation.Engine.Triggers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Bots.Mail;

/// <summary>Registers the mail module's services in a host that runs the engine.</summary>
public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Adds the EmailReceived trigger (its host, which watches the mailboxes of published triggers, and the handler that
    /// reprocesses quarantined emails) and the mail servers' certificate trust (<see cref="AddMailServerTrust"/>). The
    /// activities themselves come with <see cref="MailActivities.Assembly"/> passed to <c>AddWorkflowEngine</c>; configure
    /// <see cref="EmailTriggerOptions"/> from <see cref="EmailTriggerOptions.SectionName"/>.
    /// </summary>
    public static IServiceCollection AddMailTriggers(this IServiceCollection services)
    {
        services.AddMailServerTrust();
        services.AddOptions<EmailTriggerOptions>();
        services.AddSingleton<IQuarantineHandler, EmailQuarantineHandler>();
        services.AddHostedService<EmailTriggerHost>();
        return services;
    }

    /// <summary>
    /// Adds the <see cref="MailServerTrust"/> every mail connection uses (SendEmail, ReadMailbox, the EmailReceived
    /// trigger), made from <see cref="MailSecurityOptions"/> (configure them from <see cref="MailSecurityOptions.SectionName"/>).
    /// The certificate files are read when the trust is first needed, which in the server is at start (the trigger host
    /// needs it): a missing or unreadable file then stops the start with an <see cref="InvalidOperationException"/> naming it.
    /// </summary>
    public static IServiceCollection AddMailServerTrust(this IServiceCollection services)
    {
        services.AddOptions<MailSecurityOptions>();
        services.TryAddSingleton(sp => MailServerTrust.Create(
            sp.GetRequiredService<IOptions<MailSecurityOptions>>().Value, sp.GetService<ILoggerFactory>()?.CreateLogger<MailServerTrust>()));
        return services;
    }
}

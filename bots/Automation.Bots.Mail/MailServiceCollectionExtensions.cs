using Automation.Bots.Mail.Triggers;
using Automation.Engine.Triggers;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Bots.Mail;

/// <summary>Registers the mail module's services in a host that runs the engine.</summary>
public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Adds the EmailReceived trigger (its host, which watches the mailboxes of published triggers, and the handler that
    /// reprocesses quarantined emails). The activities themselves come with <see cref="MailActivities.Assembly"/> passed
    /// to <c>AddWorkflowEngine</c>; configure <see cref="EmailTriggerOptions"/> from <see cref="EmailTriggerOptions.SectionName"/>.
    /// </summary>
    public static IServiceCollection AddMailTriggers(this IServiceCollection services)
    {
        services.AddOptions<EmailTriggerOptions>();
        services.AddSingleton<IQuarantineHandler, EmailQuarantineHandler>();
        services.AddHostedService<EmailTriggerHost>();
        return services;
    }
}

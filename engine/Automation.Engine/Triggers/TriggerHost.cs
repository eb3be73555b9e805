using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Triggers;

/// <summary>
/// Base of the services that keep one type of trigger listening (schedules, mailboxes, folders). It reads the type's
/// registrations at start-up, whenever this node changes them, and every <see cref="TriggerOptions.RefreshInterval"/>
/// (to learn of other nodes' publishes), and hands them to <see cref="ReconcileAsync"/>, which starts, changes or stops
/// listeners to match.
/// </summary>
public abstract class TriggerHost(ITriggerStore store, TriggerChanges changes, TimeProvider clock, IOptions<TriggerOptions> options, ILogger logger)
    : BackgroundService
{
    /// <summary>The activity type this host serves (for example <c>Schedule</c>).</summary>
    protected abstract string TriggerType { get; }

    /// <summary>
    /// Makes the listeners match <paramref name="registrations"/> (all of this type, paused ones included: a paused
    /// trigger keeps no listener). Called again after it throws.
    /// </summary>
    protected abstract Task ReconcileAsync(IReadOnlyList<TriggerRegistration> registrations, CancellationToken cancellationToken);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var registrations = await store.ListAsync(TriggerType, stoppingToken).ConfigureAwait(false);
                await ReconcileAsync(registrations, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Could not bring the {TriggerType} triggers up to date; trying again shortly", TriggerType);
            }
            try
            {
                await changes.WaitAsync(options.Value.RefreshInterval, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

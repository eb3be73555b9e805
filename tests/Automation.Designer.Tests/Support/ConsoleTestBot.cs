using System.Text.Json.Nodes;
using Automation.Bots.Browser.Workers;

namespace Automation.Designer.Tests.Support;

/// <summary>
/// A C# bot for the console's bot and evidence pages, run by the server's real bot host. Each item's data says what it
/// does: <c>ok</c> completes; <c>business</c> fails as a business exception (code <c>unknown-supplier</c>);
/// <c>system</c> shows a form in its page and throws (so the host saves a screenshot and a trace); <c>hold</c> keeps
/// the item in hand until the test calls <see cref="Release"/>.
/// </summary>
public sealed class ConsoleTestBot : IQueueBot
{
    /// <summary>The name pools refer to.</summary>
    public const string BotName = "console-test-bot";

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <inheritdoc />
    public string Name => BotName;

    /// <summary>Lets every held item finish.</summary>
    public void Release() => _release.TrySetResult();

    /// <inheritdoc />
    public async Task<JsonObject?> ProcessAsync(BotItemContext context, CancellationToken cancellationToken)
    {
        switch ((string?)context.Item.Data["outcome"])
        {
            case "ok":
                return new JsonObject { ["documentNumber"] = $"FIN-{context.Item.Reference}" };
            case "business":
                throw new BusinessException($"Supplier '{context.Item.Data["supplier"]}' does not exist in FIN/2000", "unknown-supplier");
            case "system":
                await context.Page.SetContentAsync("<main><h1>FIN/2000 invoice entry</h1><p>Saving invoice…</p></main>");
                throw new InvalidOperationException("The Save button did not answer within 5 seconds");
            case "hold":
                await _release.Task.WaitAsync(cancellationToken);
                return new JsonObject { ["held"] = true };
            default:
                throw new BusinessException("The item says nothing about what to do", "no-outcome");
        }
    }
}

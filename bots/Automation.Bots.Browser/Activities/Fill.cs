using System.Text.Json.Nodes;
using Automation.Bots.Browser.Sessions;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Credentials;
using Automation.Engine.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Automation.Bots.Browser.Activities;

/// <summary>Types a value, or a stored credential's user name or password, into a field.</summary>
[Activity("Browser.Fill", Category = Category, DisplayName = "Fill field",
    Description = "Types a value into a field found by its label (or the fallbacks given). A password comes from a stored credential and never appears in the journal.")]
[Outcome(Outcomes.Done)]
[Output("target", "string", Description = "Which way of finding the field worked, e.g. label \"Invoice number\".")]
public sealed class Fill : BrowserActivity
{
    /// <summary>The field.</summary>
    [Input(Description = "The field: a CSS selector, or {\"label\": \"Invoice number\", \"fallbacks\": [{\"css\": \"#invNo\"}]}.", Required = true, Editor = InputEditors.Json)]
    public JsonNode? Target { get; set; }

    /// <summary>The text to type.</summary>
    [Input(Description = "The text to type (leave empty when typing from a credential).")]
    public string? Value { get; set; }

    /// <summary>A stored credential to type from instead of a value.</summary>
    [Input(Description = "Type from a stored credential instead (its user name or password); the secret never reaches the journal.", Editor = InputEditors.Credential)]
    public string? Credential { get; set; }

    /// <summary>Which part of the credential to type.</summary>
    [Input(Description = "The part of the credential to type: password, username, or another secret or setting it holds.")]
    public string CredentialField { get; set; } = "password";

    private protected override async Task<ActivityResult> RunAsync(ActivityContext context, BrowserSession session, TimeSpan timeout)
    {
        string text;
        if (!string.IsNullOrWhiteSpace(Credential))
        {
            var vault = context.Services.GetService<CredentialVault>();
            if (vault is null) return ActivityResult.Fail($"Credential '{Credential}' cannot be used: this host keeps no credentials.");
            UnlockedCredential credential;
            try
            {
                credential = await vault.UnlockAsync(Credential, context.CancellationToken).ConfigureAwait(false);
            }
            catch (KeyNotFoundException e)
            {
                return ActivityResult.Fail(e.Message);
            }
            if (credential.Secrets.TryGetValue(CredentialField, out var secret))
            {
                text = secret;
                Secrets.Add(secret);
            }
            else if (credential.Field(CredentialField) is { } setting) text = setting;
            else return ActivityResult.Fail($"Credential '{Credential}' holds no '{CredentialField}'.");
        }
        else text = Value ?? "";
        var options = new LocatorFillOptions { Timeout = (float)timeout.TotalMilliseconds };
        if (Secrets.Count == 0 || !session.Tracing)
        {
            await ActAsync(context, session, Target, timeout, field => field.FillAsync(text, options)).ConfigureAwait(false);
            return ActivityResult.Done;
        }
        var field = await FindAsync(context, session, Target, timeout).ConfigureAwait(false);
        // A trace records each action's arguments, and its DOM snapshots and network log hold what fields contain
        // and what forms post. So the trace so far is dropped and a secret is typed untraced; from then on the session
        // traces actions and screenshots only (a password field shows dots), and no evidence document holds the secret.
        if (session.SecretTyped) await session.Context.Tracing.StopChunkAsync().ConfigureAwait(false);
        else await session.Context.Tracing.StopAsync().ConfigureAwait(false);
        try
        {
            await field.Locator.FillAsync(text, options).ConfigureAwait(false);
        }
        finally
        {
            if (session.SecretTyped) await session.Context.Tracing.StartChunkAsync().ConfigureAwait(false);
            else await session.Context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = false }).ConfigureAwait(false);
            session.SecretTyped = true;
        }
        return ActivityResult.Done;
    }
}

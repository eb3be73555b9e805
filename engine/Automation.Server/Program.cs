using Automation.Server.Hosting;

// Composition lives in Hosting/ServerComposition.cs; endpoints in Api/ (one MapXyzApi per resource).
var app = AutomationServerHost.Create(args);
// Before serving: create or migrate the store, the first admin key and, on first start, the sample workflows.
await app.InitializeAutomationAsync();
await app.RunAsync();

/// <summary>The server's entry point; public so that tests can refer to the assembly's host.</summary>
public partial class Program;

namespace Automation.Bots.Browser.Sessions;

/// <summary>
/// A browser session cannot be used: it does not exist, belongs to another instance, or was closed (its browser
/// crashed, it was idle too long, or the instance waited and resumed on another node). Open a new one with Browser.Open.
/// </summary>
public sealed class BrowserSessionException(string message) : Exception(message);

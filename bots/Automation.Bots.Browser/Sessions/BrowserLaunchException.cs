namespace Automation.Bots.Browser.Sessions;

/// <summary>Chromium could not be started: the bot cannot work until an operator fixes the machine.</summary>
public sealed class BrowserLaunchException(string message, Exception? inner = null) : Exception(message, inner);

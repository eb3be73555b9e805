namespace Samples.LegacyKit;

/// <summary>
/// The settings every sample legacy app reads from its configuration section (for example
/// <c>Finance:Restyle=true</c> or the environment variable <c>Finance__Restyle=true</c>).
/// </summary>
public sealed class LegacyAppOptions
{
    /// <summary>The one seeded user's name.</summary>
    public string UserName { get; set; } = "clerk";

    /// <summary>The one seeded user's password.</summary>
    public string Password { get; set; } = "password1";

    /// <summary>Idle time after which the sign-on lapses and the next page asks to sign on again.</summary>
    public int SessionTimeoutSeconds { get; set; } = 900;

    /// <summary>Delay added to every <see cref="SlowEveryNth"/>th page; 0 for none.</summary>
    public int SlowDelayMs { get; set; }

    /// <summary>Every Nth request is slowed by <see cref="SlowDelayMs"/>; 0 turns the slow pages off.</summary>
    public int SlowEveryNth { get; set; }

    /// <summary>The restyled markup: other labels, ids and layout on the main entry form.</summary>
    public bool Restyle { get; set; }

    /// <summary>The token that opens the <c>/testing</c> read API (header <c>X-Test-Token</c>); empty keeps it closed (404).</summary>
    public string TestToken { get; set; } = "";

    /// <summary>The SQLite database file; created and seeded when missing.</summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>Checks the settings.</summary>
    /// <exception cref="InvalidOperationException">A setting is out of range; the message names it.</exception>
    public void Validate(string section)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            throw new InvalidOperationException($"{section}:UserName and {section}:Password must be set.");
        }

        if (SessionTimeoutSeconds < 1)
        {
            throw new InvalidOperationException($"{section}:SessionTimeoutSeconds must be at least 1 (was {SessionTimeoutSeconds}).");
        }

        if (SlowDelayMs < 0 || SlowEveryNth < 0)
        {
            throw new InvalidOperationException($"{section}:SlowDelayMs and {section}:SlowEveryNth must not be negative.");
        }

        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            throw new InvalidOperationException($"{section}:DatabasePath must be set.");
        }
    }
}

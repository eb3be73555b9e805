namespace Automation.Engine.Expressions;

/// <summary>Limits applied to every JavaScript evaluation (expressions and Script activities).</summary>
public sealed class ScriptingOptions
{
    /// <summary>Wall-clock limit for one expression.</summary>
    public TimeSpan ExpressionTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Wall-clock limit for one Script activity.</summary>
    public TimeSpan ScriptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Memory one evaluation may allocate.</summary>
    public long MemoryLimitBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Maximum call depth.</summary>
    public int RecursionLimit { get; set; } = 64;

    /// <summary>Maximum statements one evaluation may run (a second guard against runaway loops).</summary>
    public int MaxStatements { get; set; } = 1_000_000;
}

namespace Automation.Engine.Expressions;

/// <summary>An expression that failed to parse, threw, or broke a sandbox limit. The message says which and where.</summary>
public sealed class ExpressionException(string message, Exception? inner = null) : Exception(message, inner);

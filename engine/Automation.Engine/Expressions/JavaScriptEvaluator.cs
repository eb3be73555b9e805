using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Acornima;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Runtime;

namespace Automation.Engine.Expressions;

/// <summary>
/// Evaluates JavaScript with Jint in a sandbox: no .NET access, and limits on time, memory, recursion and
/// statements (<see cref="ScriptingOptions"/>). Expressions reuse one engine per thread and a cache of parsed
/// scripts; Script activities get a fresh engine each run so nothing leaks between runs.
/// </summary>
public sealed class JavaScriptEvaluator
{
    private readonly ScriptingOptions _options;
    private readonly ConcurrentDictionary<string, Prepared<Acornima.Ast.Script>> _prepared = new(StringComparer.Ordinal);
    private readonly ThreadLocal<JsEngine> _engines;

    /// <summary>Creates an evaluator with the given limits.</summary>
    public JavaScriptEvaluator(ScriptingOptions options)
    {
        _options = options;
        _engines = new ThreadLocal<JsEngine>(() => CreateEngine(options.ExpressionTimeout, CancellationToken.None));
    }

    /// <summary>Evaluates an expression and returns its value as JSON.</summary>
    /// <exception cref="ExpressionException">Parse error, runtime error, or a sandbox limit was hit.</exception>
    public JsonNode? Evaluate(string code, ExpressionScope scope)
    {
        var prepared = Prepare(code);
        var engine = _engines.Value!;
        try
        {
            Bind(engine, code, scope);
            return JsonJsConverter.ToJson(engine.Evaluate(prepared));
        }
        catch (Exception ex) when (Describe(ex, _options.ExpressionTimeout) is { } message)
        {
            // A limit breach can leave the shared engine mid-statement: start the thread afresh.
            if (ex is not JavaScriptException) { _engines.Value = CreateEngine(_options.ExpressionTimeout, CancellationToken.None); }
            throw new ExpressionException($"Expression `{Shorten(code)}` {message}", ex);
        }
    }

    /// <summary>
    /// Runs a script in a fresh engine. <c>variables</c> is writable: the returned <see cref="ScriptResult.Variables"/>
    /// holds the variables object after the run.
    /// </summary>
    /// <exception cref="ExpressionException">Parse error, runtime error, or a sandbox limit was hit.</exception>
    public ScriptResult RunScript(string code, ExpressionScope scope, CancellationToken cancellationToken)
    {
        var prepared = Prepare(code);
        var engine = CreateEngine(_options.ScriptTimeout, cancellationToken);
        try
        {
            engine.SetValue("input", JsonJsConverter.ToJs(engine, scope.Input));
            var variables = JsonJsConverter.ToJs(engine, scope.Variables);
            engine.SetValue("variables", variables);
            engine.SetValue("activities", JsonJsConverter.ToJs(engine, scope.Activities));
            engine.SetValue("instance", JsonJsConverter.ToJs(engine, scope.Instance));
            var output = JsonJsConverter.ToJson(engine.Evaluate(prepared));
            return new ScriptResult(output, JsonJsConverter.ToJsonObject(variables.AsObject()));
        }
        catch (Exception ex) when (Describe(ex, _options.ScriptTimeout) is { } message)
        {
            throw new ExpressionException($"Script {message}", ex);
        }
    }

    /// <summary>Returns the syntax error of <paramref name="code"/>, or null when it parses.</summary>
    public static string? CheckSyntax(string code)
    {
        try
        {
            new Parser().ParseScript(code);
            return null;
        }
        catch (ParseErrorException ex)
        {
            return ex.Message;
        }
    }

    private Prepared<Acornima.Ast.Script> Prepare(string code)
    {
        if (_prepared.TryGetValue(code, out var prepared)) return prepared;
        try
        {
            prepared = JsEngine.PrepareScript(code);
        }
        catch (ParseErrorException ex)
        {
            throw new ExpressionException($"Expression `{Shorten(code)}` does not parse: {ex.Message}", ex);
        }
        if (_prepared.Count > 10_000) _prepared.Clear();
        _prepared[code] = prepared;
        return prepared;
    }

    private static void Bind(JsEngine engine, string code, ExpressionScope scope)
    {
        // Only convert what the expression mentions: most read one of these.
        engine.SetValue("input", code.Contains("input", StringComparison.Ordinal) ? JsonJsConverter.ToJs(engine, scope.Input) : JsValue.Undefined);
        engine.SetValue("variables", code.Contains("variables", StringComparison.Ordinal) ? JsonJsConverter.ToJs(engine, scope.Variables) : JsValue.Undefined);
        engine.SetValue("activities", code.Contains("activities", StringComparison.Ordinal) ? JsonJsConverter.ToJs(engine, scope.Activities) : JsValue.Undefined);
        engine.SetValue("instance", code.Contains("instance", StringComparison.Ordinal) ? JsonJsConverter.ToJs(engine, scope.Instance) : JsValue.Undefined);
    }

    private JsEngine CreateEngine(TimeSpan timeout, CancellationToken cancellationToken) => new(options =>
    {
        options.Strict(true);
        options.TimeoutInterval(timeout);
        options.LimitMemory(_options.MemoryLimitBytes);
        options.LimitRecursion(_options.RecursionLimit);
        options.MaxStatements(_options.MaxStatements);
        options.CancellationToken(cancellationToken);
    });

    private static string? Describe(Exception ex, TimeSpan timeout) => ex switch
    {
        JavaScriptException js => $"threw an error: {js.Message} (line {js.Location.Start.Line})",
        TimeoutException => $"was stopped: it ran longer than the {timeout.TotalSeconds:0.###} s limit (an endless loop?).",
        MemoryLimitExceededException => "was stopped: it used more memory than allowed.",
        RecursionDepthOverflowException => "was stopped: it called functions too deeply (recursion limit).",
        StatementsCountOverflowException => "was stopped: it ran too many statements (an endless loop?).",
        ExecutionCanceledException => "was cancelled.",
        ParseErrorException p => $"does not parse: {p.Message}",
        ExpressionException => null,
        _ => null,
    };

    private static string Shorten(string code) => code.Length > 80 ? code[..77] + "..." : code;
}

/// <summary>The output of a Script activity and its variables after the run.</summary>
public sealed record ScriptResult(JsonNode? Output, JsonObject Variables);

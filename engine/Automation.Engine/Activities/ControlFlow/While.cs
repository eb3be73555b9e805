using Automation.Engine.Activities.Framework;

namespace Automation.Engine.Activities.ControlFlow;

/// <summary>Runs the activities on its Body port again and again while a condition holds.</summary>
[Activity("While", Category = "Loops", IsLoop = true,
    Description = "Repeats the steps on the Body path while a condition holds (checked before each round).")]
[Outcome(Body)]
[Outcome(Model.Outcomes.Done)]
[Output("iterations", "number", Description = "How many times the body ran.")]
public sealed class While : IScopeOwner
{
    /// <summary>Port whose activities form the loop body.</summary>
    public const string Body = "Body";

    /// <summary>JavaScript condition, checked before each iteration.</summary>
    [Input(Description = "JavaScript condition checked before each round, e.g. variables.attempts < 3.", Required = true, EvaluatedByActivity = true, Editor = InputEditors.Code)]
    public string Condition { get; set; } = "";

    /// <summary>Safety stop: the loop faults when it would run more often.</summary>
    [Input(Description = "The loop stops with an error rather than run more often than this.")]
    public int MaxIterations { get; set; } = 1000;

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.State["iterations"] = 0;
        return Next(context);
    }

    /// <inheritdoc />
    public ValueTask<ActivityResult> OnScopeCompletedAsync(ActivityContext context, string scopeId) => Next(context);

    private ValueTask<ActivityResult> Next(ActivityContext context)
    {
        var iterations = context.State["iterations"]!.GetValue<int>();
        if (!InputConverter.ToBoolean(context.EvaluateJavaScript(Condition)))
        {
            context.ClearState();
            context.SetOutput("iterations", iterations);
            return ActivityResult.Done.AsTask();
        }
        if (iterations >= MaxIterations)
            throw new InvalidOperationException($"The loop ran {MaxIterations} times and its condition still holds; raise 'maxIterations' or check the condition.");
        context.State["iterations"] = iterations + 1;
        context.OpenScope(Body, []);
        return ActivityResult.Wait.AsTask();
    }
}

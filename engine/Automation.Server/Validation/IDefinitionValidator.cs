using Automation.Engine.Model;
using Automation.Engine.Validation;

namespace Automation.Server.Validation;

/// <summary>Checks the rules a schema cannot express: unique ids, connections to existing activities and ports, known types, required inputs.</summary>
public interface IDefinitionValidator
{
    /// <summary>Every problem in <paramref name="definition"/>; empty when it may be published.</summary>
    IReadOnlyList<ValidationError> Validate(WorkflowDefinition definition);
}

/// <summary>The engine's <see cref="WorkflowValidator"/> behind <see cref="IDefinitionValidator"/>.</summary>
internal sealed class EngineDefinitionValidator(WorkflowValidator validator) : IDefinitionValidator
{
    /// <inheritdoc />
    public IReadOnlyList<ValidationError> Validate(WorkflowDefinition definition) => validator.Validate(definition);
}

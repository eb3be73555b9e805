using System.Text.Json;

namespace Automation.Engine.Model;

/// <summary>The status names the API and workflow outputs use (camelCase, as <c>EngineJson</c> writes enums).</summary>
public static class WorkflowStatusNames
{
    /// <summary>The name of <paramref name="status"/>, e.g. <c>finished</c>.</summary>
    public static string ToName(this WorkflowStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());
}

namespace Automation.Server.Triggers.Hooks;

/// <summary>Registers what the HTTP endpoint trigger needs (the endpoint itself is mapped by <c>MapHooksApi</c>).</summary>
public static class HookServiceCollectionExtensions
{
    /// <summary>Adds the hook authenticator and request reader.</summary>
    public static IServiceCollection AddHookTriggers(this IServiceCollection services)
    {
        services.AddSingleton<HookAuthenticator>();
        services.AddSingleton<HookRequestReader>();
        return services;
    }
}

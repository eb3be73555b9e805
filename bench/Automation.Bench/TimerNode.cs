using Automation.Engine.Hosting;
using Automation.Engine.Persistence;
using Automation.Engine.Runtime;
using Automation.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Automation.Bench;

/// <summary>
/// One engine node in this process, wired as the server wires it (runtime, store, timer and recovery loops running),
/// on a store that other nodes share. Its store records timer resumes in a shared <see cref="ResumeLog"/>.
/// </summary>
internal sealed class TimerNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IHostedService[] _loops;

    private TimerNode(string name, ServiceProvider services, IHostedService[] loops, ErrorCounter errors)
    {
        Name = name;
        _services = services;
        _loops = loops;
        Errors = errors;
        Runtime = services.GetRequiredService<IWorkflowRuntime>();
    }

    public string Name { get; }
    public IWorkflowRuntime Runtime { get; }
    /// <summary>Error-level log lines this node wrote.</summary>
    public ErrorCounter Errors { get; }
    public IServiceProvider Services => _services;

    public static async Task<TimerNode> StartAsync(string name, StorageOptions storage, bool singleNode, TimeSpan pollInterval, ResumeLog log)
    {
        var errors = new ErrorCounter();
        var services = new ServiceCollection().AddLogging(b => b.AddProvider(errors));
        services.AddWorkflowEngine(o =>
        {
            o.NodeId = name;
            o.SingleNode = singleNode;
            o.TimerPollInterval = pollInterval;
        });
        services.AddAutomationStorage(storage);
        var descriptor = services.Last(d => d.ServiceType == typeof(IInstanceStore));
        services.Remove(descriptor);
        services.AddSingleton<IInstanceStore>(sp => new ResumeRecorder(
            (IInstanceStore)(descriptor.ImplementationInstance ?? descriptor.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!)),
            log, name, sp.GetRequiredService<TimeProvider>()));
        var provider = services.BuildServiceProvider();
        if (provider.GetService<IStoreInitializer>() is { } initializer) await initializer.InitializeAsync().ConfigureAwait(false);
        var loops = provider.GetServices<IHostedService>().ToArray();
        foreach (var loop in loops) await loop.StartAsync(CancellationToken.None).ConfigureAwait(false);
        return new TimerNode(name, provider, loops, errors);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var loop in _loops) await loop.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _services.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>Counts log lines at Error level and above (a node that logs an error per lost race shows here).</summary>
internal sealed class ErrorCounter : ILoggerProvider, ILogger
{
    private long _count;
    public string? First { get; private set; }
    public long Count => Interlocked.Read(ref _count);

    public ILogger CreateLogger(string categoryName) => this;
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel < LogLevel.Error) return;
        if (Interlocked.Increment(ref _count) == 1) First = formatter(state, exception) + (exception is null ? "" : ": " + exception.Message);
    }

    public void Dispose() { }
}

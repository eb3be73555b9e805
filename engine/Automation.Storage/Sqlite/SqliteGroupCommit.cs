using Automation.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Automation.Storage.Sqlite;

/// <summary>
/// Group commit for the one write connection. Writes that queue up while another group is being written are run
/// together in one transaction, each inside its own savepoint: a write that throws (a lost version race, a constraint)
/// is rolled back to its savepoint and fails alone, the others still land. Every caller is answered only after the
/// COMMIT of its group, so what was acknowledged is durable and a crash before the COMMIT loses nothing acknowledged.
/// </summary>
/// <remarks>
/// In WAL mode a COMMIT costs about as much as the statements of a small write (it writes every page the transaction
/// changed to the log), and pages shared by the writes of one group (the same index leaves) are logged once. The first
/// caller to find no group running leads: it runs the queue's writes inline (no thread hop when there is no
/// contention) and, if more have queued meanwhile, hands the next group to the thread pool so that it can return.
/// </remarks>
internal sealed class SqliteGroupCommit(Func<SqliteCommandCache> writer, SemaphoreSlim writeGate)
{
    /// <summary>At most this many writes share a transaction, so that one group does not keep early callers waiting long.</summary>
    public const int MaxGroupSize = 64;

    private static readonly SqlTemplate Savepoint = new("SAVEPOINT group_write");
    private static readonly SqlTemplate Release = new("RELEASE group_write");
    private static readonly SqlTemplate RollbackTo = new("ROLLBACK TO group_write");

    private readonly Lock gate = new();
    private readonly Queue<Write> queue = new();
    private bool leading;
    private long groups;

    /// <summary>How many transactions the queued writes were committed in so far (fewer than writes when groups formed).</summary>
    public long GroupsCommitted => Interlocked.Read(ref groups);

    /// <summary>Queues <paramref name="work"/> and returns its result once its group has committed.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the work started.</exception>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        var write = new Write<T>(work, cancellationToken);
        bool lead;
        lock (gate)
        {
            queue.Enqueue(write);
            lead = !leading;
            leading = true;
        }

        if (lead)
        {
            await LeadAsync().ConfigureAwait(false);
        }

        return await write.Result.Task.ConfigureAwait(false);
    }

    /// <summary>Runs one group; passes the lead on when more writes have queued meanwhile.</summary>
    private async Task LeadAsync()
    {
        List<Write> group;
        lock (gate)
        {
            group = new List<Write>(Math.Min(queue.Count, MaxGroupSize));
            while (group.Count < MaxGroupSize && queue.TryDequeue(out var next))
            {
                group.Add(next);
            }
        }

        await RunGroupAsync(group).ConfigureAwait(false);
        lock (gate)
        {
            if (queue.Count == 0)
            {
                leading = false;
                return;
            }
        }

        _ = Task.Run(LeadAsync);
    }

    private async Task RunGroupAsync(List<Write> group)
    {
        var landed = new List<Write>(group.Count);
        try
        {
            await writeGate.WaitAsync().ConfigureAwait(false);
            try
            {
                var commands = writer();
                using var transaction = commands.Connection.BeginTransaction(deferred: false);
                var alone = group.Count == 1;
                foreach (var write in group)
                {
                    if (write.CancellationToken.IsCancellationRequested)
                    {
                        write.Fail(new OperationCanceledException(write.CancellationToken));
                        continue;
                    }

                    if (alone)
                    {
                        // Nothing to protect from this write's failure but itself: the transaction is simply not committed.
                        await write.RunAsync(commands.Connection, transaction).ConfigureAwait(false);
                        landed.Add(write);
                        continue;
                    }

                    commands.Get(Savepoint, [], transaction).ExecuteNonQuery();
                    Exception? failure = null;
                    try
                    {
                        await write.RunAsync(commands.Connection, transaction).ConfigureAwait(false);
                    }
                    catch (Exception e)
                    {
                        failure = e;
                    }

                    // A failed rollback (the transaction itself was lost: I/O error, out of memory) throws and fails the whole group.
                    if (failure is not null)
                    {
                        commands.Get(RollbackTo, [], transaction).ExecuteNonQuery();
                    }

                    commands.Get(Release, [], transaction).ExecuteNonQuery();
                    if (failure is null)
                    {
                        landed.Add(write);
                    }
                    else
                    {
                        write.Fail(failure);
                    }
                }

                if (landed.Count > 0)
                {
                    transaction.Commit();
                    Interlocked.Increment(ref groups);
                }
            }
            finally
            {
                writeGate.Release();
            }
        }
        catch (Exception e)
        {
            // Nothing of this group was committed: every write not yet answered fails with the cause.
            foreach (var write in group)
            {
                write.Fail(e);
            }

            return;
        }

        foreach (var write in landed)
        {
            write.Complete();
        }
    }

    /// <summary>A queued write; its outcome is kept until the group has committed.</summary>
    private abstract class Write(CancellationToken cancellationToken)
    {
        public CancellationToken CancellationToken { get; } = cancellationToken;

        public abstract Task RunAsync(SqliteConnection connection, SqliteTransaction transaction);

        /// <summary>Answers the caller with the result of <see cref="RunAsync"/> (call after the COMMIT).</summary>
        public abstract void Complete();

        /// <summary>Answers the caller with <paramref name="exception"/> unless it was answered already.</summary>
        public abstract void Fail(Exception exception);
    }

    private sealed class Write<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
        : Write(cancellationToken)
    {
        private T value = default!;

        // Callers continue on the thread pool, not inline on the leader, which still has the rest of its group to answer.
        public TaskCompletionSource<T> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction) =>
            value = await work(connection, transaction).ConfigureAwait(false);

        public override void Complete() => Result.TrySetResult(value);

        public override void Fail(Exception exception)
        {
            if (exception is OperationCanceledException cancelled && cancelled.CancellationToken == CancellationToken)
            {
                Result.TrySetCanceled(CancellationToken);
                return;
            }

            Result.TrySetException(exception);
        }
    }
}

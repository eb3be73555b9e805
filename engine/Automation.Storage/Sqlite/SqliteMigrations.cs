using Automation.Storage.Sql;

namespace Automation.Storage.Sqlite;

/// <summary>
/// The SQLite schema, one numbered migration at a time (never edit an applied one; add the next).
/// Timestamps are INTEGER Unix milliseconds (UTC) so that ordering and range filters use plain integer indexes.
/// JSON documents are TEXT: the stores never query inside them.
/// </summary>
internal static class SqliteMigrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "initial schema", """
            CREATE TABLE definitions (
                id TEXT NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                description TEXT,
                latest_version INTEGER NOT NULL,
                published_version INTEGER,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                updated_by TEXT
            );

            -- Lookups by (definition_id, version) hit the primary key however many versions pile up.
            CREATE TABLE definition_versions (
                definition_id TEXT NOT NULL REFERENCES definitions (id) ON DELETE CASCADE,
                version INTEGER NOT NULL,
                json TEXT NOT NULL,
                is_published INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                updated_by TEXT,
                published_at INTEGER,
                comment TEXT,
                PRIMARY KEY (definition_id, version)
            );

            CREATE TABLE instances (
                id TEXT NOT NULL PRIMARY KEY,
                definition_id TEXT NOT NULL,
                definition_version INTEGER NOT NULL,
                status TEXT NOT NULL,
                correlation_id TEXT,
                parent_instance_id TEXT,
                parent_bookmark_id TEXT,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                finished_at INTEGER,
                fault_message TEXT,
                version INTEGER NOT NULL,
                lease_owner TEXT,
                lease_until INTEGER NOT NULL DEFAULT 0, -- 0 when nobody holds the lease
                input TEXT NOT NULL,
                output TEXT,
                state TEXT NOT NULL
            );

            -- Newest-first keyset paging (created_at, id), alone or after an equality filter.
            CREATE INDEX ix_instances_created ON instances (created_at, id);
            CREATE INDEX ix_instances_status_created ON instances (status, created_at, id);
            CREATE INDEX ix_instances_definition_created ON instances (definition_id, created_at, id);
            CREATE INDEX ix_instances_definition_status_created ON instances (definition_id, status, created_at, id);
            CREATE INDEX ix_instances_correlation ON instances (correlation_id, created_at, id) WHERE correlation_id IS NOT NULL;
            CREATE INDEX ix_instances_parent ON instances (parent_instance_id, created_at, id) WHERE parent_instance_id IS NOT NULL;
            -- FindRecoverable: Running instances by lease expiry (equality, range and order all from the index).
            CREATE INDEX ix_instances_recoverable ON instances (status, lease_until, id);

            CREATE TABLE bookmarks (
                id TEXT NOT NULL PRIMARY KEY,
                instance_id TEXT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
                activity_id TEXT NOT NULL,
                scope_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                name TEXT,
                correlation_id TEXT,
                due_at INTEGER,
                data TEXT,
                created_at INTEGER NOT NULL
            ) WITHOUT ROWID; -- small rows keyed by id: one b-tree instead of a table plus its key index

            CREATE INDEX ix_bookmarks_lookup ON bookmarks (kind, name, correlation_id);
            -- No index on instance_id: nothing deletes instances yet (add one with any purge, for the cascade).
            CREATE INDEX ix_bookmarks_due ON bookmarks (due_at, id) WHERE due_at IS NOT NULL;

            -- No foreign key: entries are only written in the commit that writes their instance (so it exists), and a
            -- key check per entry would cost more than the rest of the insert on PostgreSQL.
            CREATE TABLE journal (
                instance_id TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                timestamp INTEGER NOT NULL,
                kind TEXT NOT NULL,
                activity_id TEXT,
                activity_type TEXT,
                scope_id TEXT,
                outcome TEXT,
                duration_ms REAL,
                message TEXT,
                data TEXT,
                PRIMARY KEY (instance_id, sequence)
            );

            CREATE TABLE tasks (
                id TEXT NOT NULL PRIMARY KEY,
                instance_id TEXT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
                definition_id TEXT NOT NULL,
                activity_id TEXT NOT NULL,
                bookmark_id TEXT NOT NULL,
                title TEXT NOT NULL,
                description TEXT,
                form_schema TEXT,
                assignee TEXT,
                role TEXT,
                due_at INTEGER,
                status TEXT NOT NULL,
                claimed_by TEXT,
                completed_by TEXT,
                result TEXT,
                created_at INTEGER NOT NULL,
                completed_at INTEGER
            );

            CREATE INDEX ix_tasks_created ON tasks (created_at, id);
            CREATE INDEX ix_tasks_status_created ON tasks (status, created_at, id);
            CREATE INDEX ix_tasks_assignee ON tasks (assignee, created_at, id) WHERE assignee IS NOT NULL;
            CREATE INDEX ix_tasks_claimed_by ON tasks (claimed_by, created_at, id) WHERE claimed_by IS NOT NULL;
            CREATE INDEX ix_tasks_role ON tasks (role, created_at, id) WHERE role IS NOT NULL;
            CREATE INDEX ix_tasks_instance ON tasks (instance_id, created_at, id);

            CREATE TABLE api_keys (
                id TEXT NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                key_hash TEXT NOT NULL,
                roles TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                revoked_at INTEGER
            );

            CREATE INDEX ix_api_keys_hash ON api_keys (key_hash);
            """),
        new(2, "credentials", """
            CREATE TABLE credentials (
                name TEXT NOT NULL PRIMARY KEY,
                kind TEXT NOT NULL,
                description TEXT,
                fields TEXT NOT NULL,
                secret_names TEXT NOT NULL,
                protected_secrets BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                updated_by TEXT
            );
            """),
        // The page of one definition's instances in one status (the console's usual filter) read each of its rows from
        // the table, a B-tree descent per row that is twice as deep at 200,000 instances as at a hundred. Carrying the
        // other summary columns in the index answers the page from the index alone. It costs commits little: the
        // key holds status, so every status change rewrites the entry anyway.
        new(3, "covering index for lists by definition and status", """
            DROP INDEX ix_instances_definition_status_created;
            CREATE INDEX ix_instances_definition_status_created ON instances (definition_id, status, created_at, id,
                definition_version, correlation_id, parent_instance_id, updated_at, finished_at, fault_message);
            """),
        new(4, "triggers, trigger events, quarantine and documents", """
            CREATE TABLE triggers (
                id TEXT NOT NULL PRIMARY KEY,
                definition_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                activity_id TEXT NOT NULL,
                type TEXT NOT NULL,
                trigger_key TEXT,
                settings TEXT NOT NULL,
                paused INTEGER NOT NULL DEFAULT 0,
                updated_at INTEGER NOT NULL
            );
            CREATE INDEX ix_triggers_definition ON triggers (definition_id);
            CREATE UNIQUE INDEX ux_triggers_type_key ON triggers (type, trigger_key) WHERE trigger_key IS NOT NULL;

            CREATE TABLE trigger_events (
                id TEXT NOT NULL PRIMARY KEY,
                trigger_id TEXT NOT NULL,
                at INTEGER NOT NULL,
                kind TEXT NOT NULL,
                message TEXT NOT NULL,
                instance_id TEXT
            );
            CREATE INDEX ix_trigger_events_trigger ON trigger_events (trigger_id, at, id);

            CREATE TABLE quarantine (
                id TEXT NOT NULL PRIMARY KEY,
                trigger_id TEXT NOT NULL,
                source TEXT NOT NULL,
                reference TEXT NOT NULL,
                summary TEXT NOT NULL,
                reason TEXT NOT NULL,
                document_id TEXT,
                quarantined_at INTEGER NOT NULL,
                status TEXT NOT NULL,
                resolved_at INTEGER,
                resolved_by TEXT
            );
            CREATE INDEX ix_quarantine_time ON quarantine (quarantined_at, id);
            CREATE INDEX ix_quarantine_status_time ON quarantine (status, quarantined_at, id);

            CREATE TABLE documents (
                id TEXT NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                content_type TEXT NOT NULL,
                size INTEGER NOT NULL,
                sha256 TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                instance_id TEXT,
                content BLOB NOT NULL
            );
            """),
        new(5, "work queues, their items and item history", """
            CREATE TABLE work_queues (
                name TEXT NOT NULL PRIMARY KEY,
                description TEXT,
                duplicate_policy TEXT NOT NULL,
                max_attempts INTEGER NOT NULL,
                abandon_after_ms BIGINT NOT NULL,
                lease_ms BIGINT NOT NULL,
                data_schema TEXT,
                default_sla_ms BIGINT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            );

            CREATE TABLE queue_items (
                id TEXT NOT NULL PRIMARY KEY,
                queue TEXT NOT NULL REFERENCES work_queues (name),
                reference TEXT,
                priority INTEGER NOT NULL,
                deadline BIGINT,
                deadline_group INTEGER NOT NULL, -- 0 with a deadline, 1 without: items with a deadline are taken first
                postpone_until BIGINT,
                data TEXT NOT NULL,
                status TEXT NOT NULL,
                failure_kind TEXT,
                failure_reason TEXT,
                attempts INTEGER NOT NULL,
                output TEXT,
                held_by TEXT,
                lease_until BIGINT,
                created_at BIGINT NOT NULL,
                started_at BIGINT,
                completed_at BIGINT,
                updated_at BIGINT NOT NULL,
                version INTEGER NOT NULL
            );
            -- Taking the next item walks this index in take order from its first New entry: no sort, however long the queue.
            CREATE INDEX ix_queue_items_take ON queue_items (queue, status, deadline_group, priority, deadline, created_at, id);
            -- A reference is unique among a queue's items that are not deleted (the duplicate policy's guard, also across nodes).
            CREATE UNIQUE INDEX ux_queue_items_reference ON queue_items (queue, reference) WHERE reference IS NOT NULL AND status <> 'Deleted';
            CREATE INDEX ix_queue_items_created ON queue_items (queue, created_at, id);
            CREATE INDEX ix_queue_items_status_created ON queue_items (queue, status, created_at, id);
            -- Lease expiry and abandonment look at items in progress only, which partial indexes keep small.
            CREATE INDEX ix_queue_items_lease ON queue_items (lease_until) WHERE status = 'InProgress';
            CREATE INDEX ix_queue_items_started ON queue_items (started_at) WHERE status = 'InProgress';

            CREATE TABLE queue_item_events (
                item_id TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                at BIGINT NOT NULL,
                action TEXT NOT NULL,
                status TEXT NOT NULL,
                actor TEXT,
                message TEXT,
                PRIMARY KEY (item_id, sequence)
            );
            """),
        new(6, "bot host: failure codes, queue item evidence, bot worker registry", """
            -- Failures are counted by reason: the item keeps its last failure's code, and each failed attempt in the
            -- history its kind and code (earlier failures get the codes the queue gave them then).
            ALTER TABLE queue_items ADD COLUMN failure_code TEXT;
            ALTER TABLE queue_item_events ADD COLUMN failure_kind TEXT;
            ALTER TABLE queue_item_events ADD COLUMN failure_code TEXT;
            UPDATE queue_items SET failure_code = 'system' WHERE failure_kind = 'System';
            UPDATE queue_item_events SET failure_kind = CASE WHEN message LIKE 'Business exception:%' THEN 'Business' ELSE 'System' END,
                failure_code = CASE WHEN action = 'leaseExpired' THEN 'lease-expired' WHEN message LIKE 'Business exception:%' THEN NULL ELSE 'system' END
            WHERE action IN ('failed', 'leaseExpired');
            -- Bot metrics read the settled attempts of a time window.
            CREATE INDEX ix_queue_item_events_at ON queue_item_events (at);

            CREATE TABLE queue_item_evidence (
                item_id TEXT NOT NULL,
                document_id TEXT NOT NULL,
                attempt INTEGER NOT NULL,
                kind TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (item_id, document_id)
            );

            CREATE TABLE bot_workers (
                id TEXT NOT NULL PRIMARY KEY,
                bot TEXT NOT NULL,
                queue TEXT NOT NULL,
                pool TEXT NOT NULL,
                node TEXT NOT NULL,
                status TEXT NOT NULL,
                error TEXT,
                item_id TEXT,
                item_reference TEXT,
                started_at BIGINT NOT NULL,
                last_heartbeat BIGINT NOT NULL,
                items_handled BIGINT NOT NULL,
                items_failed BIGINT NOT NULL
            );
            """),
        new(7, "queue item lists filtered by failure kind and code", """
            -- Operators list a queue's failures by kind or reason (newest first): partial indexes hold only items that failed.
            CREATE INDEX ix_queue_items_failure_kind ON queue_items (queue, failure_kind, created_at, id) WHERE failure_kind IS NOT NULL;
            CREATE INDEX ix_queue_items_failure_code ON queue_items (queue, failure_code, created_at, id) WHERE failure_code IS NOT NULL;
            """),
        new(8, "who published each definition version", """
            -- Auditors ask who put a version live, which can differ from who last saved it (updated_by). Versions
            -- published before this column existed keep NULL: their publisher was never recorded.
            ALTER TABLE definition_versions ADD COLUMN published_by TEXT;
            """),
    ];
}

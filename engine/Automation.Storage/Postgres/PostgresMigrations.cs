using Automation.Storage.Sql;

namespace Automation.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema, one numbered migration at a time (never edit an applied one; add the next).
/// Timestamps are bigint Unix milliseconds (UTC), as in SQLite, so that ordering and range filters use plain integer
/// indexes and both dialects share their SQL. Text columns use the "C" collation: byte order, the same as SQLite and
/// the in-memory store (keyset cursors compare ids identically everywhere), and cheaper comparisons.
/// JSON documents are text, not jsonb: the stores never query inside them and text skips jsonb's parse on every commit.
/// </summary>
internal static class PostgresMigrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "initial schema", """
            CREATE TABLE definitions (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                name text COLLATE "C" NOT NULL,
                description text COLLATE "C",
                latest_version bigint NOT NULL,
                published_version bigint,
                created_at bigint NOT NULL,
                updated_at bigint NOT NULL,
                updated_by text COLLATE "C"
            );

            -- Lookups by (definition_id, version) hit the primary key however many versions pile up.
            CREATE TABLE definition_versions (
                definition_id text COLLATE "C" NOT NULL REFERENCES definitions (id) ON DELETE CASCADE,
                version bigint NOT NULL,
                json text COLLATE "C" NOT NULL,
                is_published bigint NOT NULL DEFAULT 0,
                created_at bigint NOT NULL,
                updated_at bigint NOT NULL,
                updated_by text COLLATE "C",
                published_at bigint,
                comment text COLLATE "C",
                PRIMARY KEY (definition_id, version)
            );

            CREATE TABLE instances (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                definition_id text COLLATE "C" NOT NULL,
                definition_version bigint NOT NULL,
                status text COLLATE "C" NOT NULL,
                correlation_id text COLLATE "C",
                parent_instance_id text COLLATE "C",
                parent_bookmark_id text COLLATE "C",
                created_at bigint NOT NULL,
                updated_at bigint NOT NULL,
                finished_at bigint,
                fault_message text COLLATE "C",
                version bigint NOT NULL,
                lease_owner text COLLATE "C",
                lease_until bigint NOT NULL DEFAULT 0, -- 0 when nobody holds the lease
                input text COLLATE "C" NOT NULL,
                output text COLLATE "C",
                state text COLLATE "C" NOT NULL
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
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                instance_id text COLLATE "C" NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
                activity_id text COLLATE "C" NOT NULL,
                scope_id text COLLATE "C" NOT NULL,
                kind text COLLATE "C" NOT NULL,
                name text COLLATE "C",
                correlation_id text COLLATE "C",
                due_at bigint,
                data text COLLATE "C",
                created_at bigint NOT NULL
            );

            CREATE INDEX ix_bookmarks_lookup ON bookmarks (kind, name, correlation_id);
            -- No index on instance_id: nothing deletes instances yet (add one with any purge, for the cascade).
            CREATE INDEX ix_bookmarks_due ON bookmarks (due_at, id) WHERE due_at IS NOT NULL;

            -- No foreign key: entries are only written in the commit that writes their instance (so it exists), and a
            -- key check per entry would cost more than the rest of the insert on PostgreSQL.
            CREATE TABLE journal (
                instance_id text COLLATE "C" NOT NULL,
                sequence bigint NOT NULL,
                timestamp bigint NOT NULL,
                kind text COLLATE "C" NOT NULL,
                activity_id text COLLATE "C",
                activity_type text COLLATE "C",
                scope_id text COLLATE "C",
                outcome text COLLATE "C",
                duration_ms double precision,
                message text COLLATE "C",
                data text COLLATE "C",
                PRIMARY KEY (instance_id, sequence)
            );

            CREATE TABLE tasks (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                instance_id text COLLATE "C" NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
                definition_id text COLLATE "C" NOT NULL,
                activity_id text COLLATE "C" NOT NULL,
                bookmark_id text COLLATE "C" NOT NULL,
                title text COLLATE "C" NOT NULL,
                description text COLLATE "C",
                form_schema text COLLATE "C",
                assignee text COLLATE "C",
                role text COLLATE "C",
                due_at bigint,
                status text COLLATE "C" NOT NULL,
                claimed_by text COLLATE "C",
                completed_by text COLLATE "C",
                result text COLLATE "C",
                created_at bigint NOT NULL,
                completed_at bigint
            );

            CREATE INDEX ix_tasks_created ON tasks (created_at, id);
            CREATE INDEX ix_tasks_status_created ON tasks (status, created_at, id);
            CREATE INDEX ix_tasks_assignee ON tasks (assignee, created_at, id) WHERE assignee IS NOT NULL;
            CREATE INDEX ix_tasks_claimed_by ON tasks (claimed_by, created_at, id) WHERE claimed_by IS NOT NULL;
            CREATE INDEX ix_tasks_role ON tasks (role, created_at, id) WHERE role IS NOT NULL;
            CREATE INDEX ix_tasks_instance ON tasks (instance_id, created_at, id);

            CREATE TABLE api_keys (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                name text COLLATE "C" NOT NULL,
                key_hash text COLLATE "C" NOT NULL,
                roles text COLLATE "C" NOT NULL,
                created_at bigint NOT NULL,
                revoked_at bigint
            );

            CREATE INDEX ix_api_keys_hash ON api_keys (key_hash);
            """),
        new(2, "credentials", """
            CREATE TABLE credentials (
                name text COLLATE "C" NOT NULL PRIMARY KEY,
                kind text COLLATE "C" NOT NULL,
                description text,
                fields text NOT NULL,
                secret_names text NOT NULL,
                protected_secrets bytea NOT NULL,
                created_at bigint NOT NULL,
                updated_at bigint NOT NULL,
                updated_by text
            );
            """),
        // A commit is one batch in one implicit transaction (no BEGIN and COMMIT round trips); its instance write
        // passes its row count through this function, whose error rolls the whole batch back when the count is 0.
        new(3, "guard for single round-trip commits", $$"""
            CREATE OR REPLACE FUNCTION automation_require_row(written bigint) RETURNS bigint LANGUAGE plpgsql AS $fn$
            BEGIN
                IF written = 0 THEN
                    RAISE EXCEPTION 'the instance write matched no row (lost version race)' USING ERRCODE = '{{PostgresDatabase.LostRaceState}}';
                END IF;
                RETURN written;
            END
            $fn$;
            """),
        // As SQLite's migration 3: the console's usual page (one definition's instances in one status) answered from the
        // index alone (an index-only scan once the table is vacuumed), instead of a heap visit per row, which grows
        // slower as the table grows.
        new(4, "covering index for lists by definition and status", """
            DROP INDEX ix_instances_definition_status_created;
            CREATE INDEX ix_instances_definition_status_created ON instances (definition_id, status, created_at, id)
                INCLUDE (definition_version, correlation_id, parent_instance_id, updated_at, finished_at, fault_message);
            """),
        new(5, "triggers, trigger events, quarantine and documents", """
            CREATE TABLE triggers (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                definition_id text COLLATE "C" NOT NULL,
                version bigint NOT NULL,
                activity_id text NOT NULL,
                type text COLLATE "C" NOT NULL,
                trigger_key text COLLATE "C",
                settings text NOT NULL,
                paused bigint NOT NULL DEFAULT 0,
                updated_at bigint NOT NULL
            );
            CREATE INDEX ix_triggers_definition ON triggers (definition_id);
            CREATE UNIQUE INDEX ux_triggers_type_key ON triggers (type, trigger_key) WHERE trigger_key IS NOT NULL;

            CREATE TABLE trigger_events (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                trigger_id text COLLATE "C" NOT NULL,
                at bigint NOT NULL,
                kind text NOT NULL,
                message text NOT NULL,
                instance_id text
            );
            CREATE INDEX ix_trigger_events_trigger ON trigger_events (trigger_id, at, id);

            CREATE TABLE quarantine (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                trigger_id text COLLATE "C" NOT NULL,
                source text NOT NULL,
                reference text NOT NULL,
                summary text NOT NULL,
                reason text NOT NULL,
                document_id text,
                quarantined_at bigint NOT NULL,
                status text COLLATE "C" NOT NULL,
                resolved_at bigint,
                resolved_by text
            );
            CREATE INDEX ix_quarantine_time ON quarantine (quarantined_at, id);
            CREATE INDEX ix_quarantine_status_time ON quarantine (status, quarantined_at, id);

            CREATE TABLE documents (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                name text NOT NULL,
                content_type text COLLATE "C" NOT NULL,
                size bigint NOT NULL,
                sha256 text NOT NULL,
                created_at bigint NOT NULL,
                instance_id text,
                content bytea NOT NULL
            );
            """),
        new(6, "work queues, their items and item history", """
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
        // Quartz.NET's own tables for the clustered job store that runs the Schedule triggers, as Quartz 4.7.3 ships
        // them (its embedded create_postgres.sql with the default prefix qrtz_). Created here rather than by Quartz's
        // ProvisionSchema so that one migration history, under one advisory lock, owns the whole database. A later
        // Quartz that adds columns needs a new migration; Quartz's start-up schema check refuses to run without them.
        new(8, "Quartz.NET job store (schedules)", """
            CREATE TABLE IF NOT EXISTS qrtz_job_details (
              sched_name text not null,
              job_name text not null,
              job_group text not null,
              description text null,
              job_class_name text not null,
              is_durable bool not null,
              is_nonconcurrent bool not null,
              is_update_data bool not null,
              requests_recovery bool not null,
              job_data bytea null,
              primary key (sched_name,job_name,job_group)
            );
            CREATE TABLE IF NOT EXISTS qrtz_triggers (
              sched_name text not null,
              trigger_name text not null,
              trigger_group text not null,
              job_name text not null,
              job_group text not null,
              description text null,
              next_fire_time bigint null,
              prev_fire_time bigint null,
              priority integer null,
              trigger_state text not null,
              trigger_type text not null,
              start_time bigint not null,
              end_time bigint null,
              calendar_name text null,
              misfire_instr smallint null,
              misfire_orig_fire_time bigint null,
              execution_group varchar(200) null,
              preferred_node varchar(200) null,
              preferred_node_auto bool not null default false,
              retry_policy varchar(250) null,
              retry_attempt integer null,
              continues_trigger_name text null,
              continues_trigger_group text null,
              continuation_condition integer null,
              overlap_policy integer null,
              pause_reason varchar(250) null,
              paused_by varchar(200) null,
              paused_at bigint null,
              misfire_threshold bigint null,
              fixed_delay bool null,
              job_data bytea null,
              primary key (sched_name,trigger_name,trigger_group),
              foreign key (sched_name,job_name,job_group) references qrtz_job_details (sched_name,job_name,job_group)
            );
            CREATE TABLE IF NOT EXISTS qrtz_simple_triggers (
              sched_name text not null,
              trigger_name text not null,
              trigger_group text not null,
              repeat_count bigint not null,
              repeat_interval bigint not null,
              times_triggered bigint not null,
              primary key (sched_name,trigger_name,trigger_group),
              foreign key (sched_name,trigger_name,trigger_group) references qrtz_triggers (sched_name,trigger_name,trigger_group) on delete cascade
            );
            CREATE TABLE IF NOT EXISTS qrtz_cron_triggers (
              sched_name text not null,
              trigger_name text not null,
              trigger_group text not null,
              cron_expression text not null,
              time_zone_id text,
              primary key (sched_name,trigger_name,trigger_group),
              foreign key (sched_name,trigger_name,trigger_group) references qrtz_triggers (sched_name,trigger_name,trigger_group) on delete cascade
            );
            CREATE TABLE IF NOT EXISTS qrtz_simprop_triggers (
              sched_name text not null,
              trigger_name text not null,
              trigger_group text not null,
              str_prop_1 text null,
              str_prop_2 text null,
              str_prop_3 text null,
              int_prop_1 integer null,
              int_prop_2 integer null,
              long_prop_1 bigint null,
              long_prop_2 bigint null,
              dec_prop_1 numeric null,
              dec_prop_2 numeric null,
              bool_prop_1 bool null,
              bool_prop_2 bool null,
              time_zone_id text null,
              primary key (sched_name,trigger_name,trigger_group),
              foreign key (sched_name,trigger_name,trigger_group) references qrtz_triggers (sched_name,trigger_name,trigger_group) on delete cascade
            );
            CREATE TABLE IF NOT EXISTS qrtz_blob_triggers (
              sched_name text not null,
              trigger_name text not null,
              trigger_group text not null,
              blob_data bytea null,
              primary key (sched_name,trigger_name,trigger_group),
              foreign key (sched_name,trigger_name,trigger_group) references qrtz_triggers (sched_name,trigger_name,trigger_group) on delete cascade
            );
            CREATE TABLE IF NOT EXISTS qrtz_calendars (
              sched_name text not null,
              calendar_name text not null,
              calendar bytea not null,
              primary key (sched_name,calendar_name)
            );
            CREATE TABLE IF NOT EXISTS qrtz_paused_trigger_grps (
              sched_name text not null,
              trigger_group text not null,
              pause_reason varchar(250) null,
              paused_by varchar(200) null,
              paused_at bigint null,
              primary key (sched_name,trigger_group)
            );
            CREATE TABLE IF NOT EXISTS qrtz_paused_job_grps (
              sched_name text not null,
              job_group text not null,
              pause_reason varchar(250) null,
              paused_by varchar(200) null,
              paused_at bigint null,
              primary key (sched_name,job_group)
            );
            CREATE TABLE IF NOT EXISTS qrtz_fired_triggers (
              sched_name text not null,
              entry_id text not null,
              trigger_name text not null,
              trigger_group text not null,
              instance_name text not null,
              fired_time bigint not null,
              sched_time bigint not null,
              priority integer not null,
              state text not null,
              job_name text null,
              job_group text null,
              is_nonconcurrent bool not null,
              requests_recovery bool null,
              execution_group varchar(200) null,
              progress integer null,
              progress_message varchar(250) null,
              interrupt_requested_time bigint null,
              primary key (sched_name,entry_id)
            );
            CREATE TABLE IF NOT EXISTS qrtz_scheduler_state (
              sched_name text not null,
              instance_name text not null,
              last_checkin_time bigint not null,
              checkin_interval bigint not null,
              quartz_version varchar(20) null,
              primary key (sched_name,instance_name)
            );
            CREATE TABLE IF NOT EXISTS qrtz_locks (
              sched_name text not null,
              lock_name text not null,
              primary key (sched_name,lock_name)
            );
            CREATE TABLE IF NOT EXISTS qrtz_execution_history (
              sched_name text not null,
              entry_id text not null,
              instance_name text not null,
              job_name text not null,
              job_group text not null,
              trigger_name text not null,
              trigger_group text not null,
              fired_time bigint not null,
              run_time bigint not null,
              succeeded bool not null,
              error_message text null,
              retry_attempt integer not null default 0,
              retry_scheduled bool not null default false,
              execution_log text null,
              result integer null,
              summary text null,
              metrics text null,
              manual bool null,
              fire_instance_id text null,
              job_input text null,
              job_input_too_large bool null,
              primary key (sched_name,entry_id)
            );
            CREATE TABLE IF NOT EXISTS qrtz_misfire_history (
              sched_name text not null,
              entry_id text not null,
              instance_name text not null,
              trigger_name text not null,
              trigger_group text not null,
              job_name text null,
              job_group text null,
              misfire_time bigint not null,
              sched_time bigint null,
              reason integer null,
              primary key (sched_name,entry_id)
            );
            CREATE TABLE IF NOT EXISTS qrtz_job_status (
              sched_name text not null,
              job_group text not null,
              job_name text not null,
              first_fired_time bigint not null,
              last_fired_time bigint not null,
              last_result integer not null,
              last_run_time bigint not null,
              last_instance_name text not null,
              last_entry_id text null,
              last_summary text null,
              last_success_time bigint null,
              last_failure_time bigint null,
              last_failure_message text null,
              consecutive_failures integer not null default 0,
              run_count bigint not null default 0,
              failure_count bigint not null default 0,
              primary key (sched_name,job_group,job_name)
            );
            CREATE INDEX IF NOT EXISTS idx_qrtz_j_g_n ON qrtz_job_details (sched_name, job_group, job_name);
            CREATE INDEX IF NOT EXISTS idx_qrtz_t_j ON qrtz_triggers (sched_name, job_name, job_group);
            CREATE INDEX IF NOT EXISTS idx_qrtz_t_g_n ON qrtz_triggers (sched_name, trigger_group, trigger_name);
            CREATE INDEX IF NOT EXISTS idx_qrtz_t_c ON qrtz_triggers (sched_name, calendar_name);
            CREATE INDEX IF NOT EXISTS idx_qrtz_t_nft_st ON qrtz_triggers (sched_name, trigger_state, next_fire_time asc, priority desc, misfire_instr);
            CREATE INDEX IF NOT EXISTS idx_qrtz_ft_inst_job_req_rcvry ON qrtz_fired_triggers (sched_name, instance_name, requests_recovery);
            CREATE INDEX IF NOT EXISTS idx_qrtz_ft_j_g ON qrtz_fired_triggers (sched_name, job_name, job_group);
            CREATE INDEX IF NOT EXISTS idx_qrtz_ft_t_g ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
            CREATE INDEX IF NOT EXISTS idx_qrtz_eh_fired_time ON qrtz_execution_history (sched_name, fired_time);
            CREATE INDEX IF NOT EXISTS idx_qrtz_eh_inst ON qrtz_execution_history (sched_name, instance_name);
            CREATE INDEX IF NOT EXISTS idx_qrtz_mh_misfire_time ON qrtz_misfire_history (sched_name, misfire_time);
            CREATE INDEX IF NOT EXISTS idx_qrtz_mh_inst ON qrtz_misfire_history (sched_name, instance_name);
            CREATE INDEX IF NOT EXISTS idx_qrtz_eh_job_time ON qrtz_execution_history (sched_name, job_group, job_name, fired_time);
            CREATE INDEX IF NOT EXISTS idx_qrtz_eh_fire_inst ON qrtz_execution_history (sched_name, fire_instance_id);
            CREATE INDEX IF NOT EXISTS idx_qrtz_eh_trig_time ON qrtz_execution_history (sched_name, trigger_group, trigger_name, fired_time);
            """),
        new(9, "bot host: failure codes, queue item evidence, bot worker registry", """
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
        new(10, "queue item lists filtered by failure kind and code", """
            -- Operators list a queue's failures by kind or reason (newest first): partial indexes hold only items that failed.
            CREATE INDEX ix_queue_items_failure_kind ON queue_items (queue, failure_kind, created_at, id) WHERE failure_kind IS NOT NULL;
            CREATE INDEX ix_queue_items_failure_code ON queue_items (queue, failure_code, created_at, id) WHERE failure_code IS NOT NULL;
            """),
        new(11, "who published each definition version", """
            -- Auditors ask who put a version live, which can differ from who last saved it (updated_by). Versions
            -- published before this column existed keep NULL: their publisher was never recorded.
            ALTER TABLE definition_versions ADD COLUMN published_by text COLLATE "C";
            """),
    ];
}

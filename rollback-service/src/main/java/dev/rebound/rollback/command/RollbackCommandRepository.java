package dev.rebound.rollback.command;

import dev.rebound.contracts.rollback.RollbackCommand;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Records rollback commands; a command id is taken once, so a command never runs twice. */
@Repository
class RollbackCommandRepository {

    private final JdbcTemplate jdbc;

    RollbackCommandRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A command and what became of it. */
    record Recorded(String eventId, RollbackCommand command, String status, String detail) {
    }

    /** Inserts the commands whose id is new; returns the ids that were new. */
    Set<String> insertNew(List<Recorded> commands, Instant now) {
        Set<String> inserted = new java.util.HashSet<>();
        for (Recorded r : commands) {
            RollbackCommand c = r.command();
            inserted.addAll(jdbc.queryForList("insert into rollback_commands (command_id, event_id, service, environment, "
                            + "reason, deployment_id, from_version, target_version, requested_by, dry_run, force, status, "
                            + "detail, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                            + "on conflict (command_id) do nothing returning command_id", String.class,
                    c.commandId(), r.eventId(), c.service(), c.environment(), c.reason(), c.deploymentId(),
                    c.fromVersion(), c.targetVersion(), c.requestedBy(), c.isDryRun(), c.isForced(), r.status(),
                    r.detail(), Timestamp.from(now)));
        }
        return inserted.stream().collect(Collectors.toUnmodifiableSet());
    }
}

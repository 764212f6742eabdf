package dev.frontdesk.campaigns.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sandbox dialer: no call leaves the machine. Each call is recorded (ringing) in
 * {@code campaign_sandbox_call}; {@code /api/sandbox/outbound-calls} answers it as a person or a machine and
 * ends it, through the same webhook code Twilio calls.
 */
final class SandboxCallPlacer implements CallPlacer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    SandboxCallPlacer(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String place(OutboundCall call) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String sid = "SB" + HexFormat.of().formatHex(bytes);
        jdbc.sql("INSERT INTO campaign_sandbox_call (call_sid, business_id, from_number, to_number, answer_url,"
                        + " status_url, attempt_id, machine_detection, status, created_at) VALUES (:sid, :b, :from, :to,"
                        + " :answer, :status, :a, :md, 'ringing', :at)")
                .param("sid", sid)
                .param("b", call.business().value())
                .param("from", call.from())
                .param("to", call.to())
                .param("answer", call.answerUrl())
                .param("status", call.statusUrl())
                .param("a", call.attemptId())
                .param("md", call.machineDetection())
                .param("at", utc(clock.instant()))
                .update();
        return sid;
    }

    @Override
    public Optional<String> placedFor(OutboundCall call) {
        return jdbc.sql("SELECT call_sid FROM campaign_sandbox_call WHERE attempt_id = :a")
                .param("a", call.attemptId())
                .query(String.class)
                .optional();
    }
}

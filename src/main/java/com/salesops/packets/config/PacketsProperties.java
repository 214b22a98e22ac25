package com.salesops.packets.config;

import com.salesops.packets.calendar.YearNamedBy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every {@code packets.*} key (docs/architecture.md, "Operations"), bound and validated at start-up: a bad value stops the
 * application before any step runs, with a message naming the key. Documented in
 * {@code config/application.yml}.
 */
@Validated
@ConfigurationProperties("packets")
public record PacketsProperties(
        @Valid @NotNull Source source,
        @Valid @NotNull Output output,
        @NotBlank @Pattern(regexp = "[A-Za-z]{3}", message = "must be a 3-letter currency code") String baseCurrency,
        @NotBlank @TimeZoneId String timezone,
        @Valid @NotNull Fiscal fiscal,
        @Valid @NotNull Quota quota,
        @Valid @NotNull Pace pace,
        @Valid @NotNull Flags flags,
        @Valid @NotNull Comp comp,
        @Valid @NotNull Extract extract,
        @Valid @NotNull Mail mail,
        @Valid @NotNull Excel excel,
        @Valid @NotNull Pdf pdf,
        @Valid @NotNull Render render,
        @Valid @NotNull Retention retention,
        @Valid @NotNull Workers workers) {

    public record Source(
            @NotBlank String url,
            String username,
            String password,
            @DefaultValue("classpath:sql/source/") @NotBlank String sqlLocation) {

        @Override
        public String toString() {
            // never print the password
            return "Source[url=" + url + ", username=" + username + ", sqlLocation=" + sqlLocation + "]";
        }
    }

    public record Output(@NotNull Path dir) {
    }

    public record Fiscal(
            @Min(1) @Max(12) int yearStartMonth,
            @NotNull YearNamedBy yearNamedBy) {
    }

    public record Quota(boolean proratePartialMonths) {
    }

    public record Pace(@NotNull @DecimalMin("0") BigDecimal onPace, @NotNull @DecimalMin("0") BigDecimal atRisk) {
    }

    public record Flags(@Valid @NotNull PullIn pullIn, @Min(0) int cancelWindowDays) {
        public record PullIn(
                @NotNull @DecimalMin("0") BigDecimal minCredit,
                @Min(1) @Max(31) int days,
                @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal share) {
        }
    }

    public record Comp(
            @NotBlank String defaultPlan,
            @NotNull Map<String, @Valid Plan> plans,
            Map<String, String> assignments) {

        public Comp {
            assignments = assignments == null ? Map.of() : Map.copyOf(assignments);
        }

        public record Plan(
                @NotNull @DecimalMin("0") BigDecimal annualTarget,
                @NotNull @DecimalMin("0") BigDecimal capPct,
                @NotNull List<@Valid TierRate> tiers) {
        }

        public record TierRate(@NotNull @DecimalMin("0") BigDecimal fromPct, @NotNull BigDecimal rate) {
        }
    }

    public record Extract(@Min(1) @Max(100_000) int chunkSize) {
    }

    public record Mail(
            @NotBlank String from,
            String replyTo,
            List<String> cc,
            String opsTo,
            String redirectAllTo,
            @Min(10_000) long maxMessageBytes,
            @Min(1) @Max(20) int maxAttempts,
            @NotNull java.time.Duration retryBackoff) {

        public Mail {
            cc = cc == null ? List.of() : List.copyOf(cc);
            addresses("packets.mail.from", from);
            addresses("packets.mail.reply-to", replyTo);
            addresses("packets.mail.ops-to", opsTo);
            addresses("packets.mail.redirect-all-to", redirectAllTo);
            for (String c : cc) {
                addresses("packets.mail.cc", c);
            }
        }

        /** An address that does not parse fails at start-up, naming the key, not at the first send. */
        private static void addresses(String key, String value) {
            if (value == null || value.isBlank()) {
                return;
            }
            try {
                jakarta.mail.internet.InternetAddress.parse(value, true);
            } catch (jakarta.mail.internet.AddressException e) {
                throw new IllegalArgumentException(key + ": not an email address: " + value + " (" + e.getMessage() + ")");
            }
        }
    }

    /**
     * How packets render: {@code local} on {@code threads} threads of the run's JVM, or {@code remote}
     * as one RabbitMQ message per partition to {@code worker} processes (docs/architecture.md). A run has
     * {@code partitions} partitions (default: {@code threads}).
     */
    public record Render(@Min(1) @Max(32) int threads, @NotNull RenderMode mode, @Min(1) @Max(1000) Integer partitions) {

        public Render {
            partitions = partitions == null ? threads : partitions;
        }
    }

    /** {@code local}: threads in the run's JVM, no broker; {@code remote}: worker processes over RabbitMQ. */
    public enum RenderMode {
        LOCAL, REMOTE
    }

    /**
     * Remote rendering (docs/architecture.md): a partition whose worker sent no heartbeat for
     * {@code staleAfter} is failed, as is a run whose waiting partitions no worker took within
     * {@code startTimeout}; {@code queue} is the RabbitMQ queue of partition requests (its
     * dead-letter queue is {@code <queue>.dead}).
     */
    public record Workers(
            @NotNull @DurationMin(seconds = 2) Duration staleAfter,
            @NotNull @DurationMin(seconds = 1) Duration startTimeout,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,200}", message = "must be 1-200 letters, digits, '.', '_' or '-'")
            String queue) {
    }

    public record Excel(@Min(1) @Max(1_000_000) int maxDealRows) {
    }

    /**
     * How long runs keep their rows and files (docs/architecture.md, "Retention"): a nightly whose as-of
     * is more than {@code nightlyDays} days before today, a monthly whose month is more than
     * {@code monthlyMonths} months before this month, is past retention. {@code deleteBatchRows}: rows per DELETE statement.
     */
    public record Retention(
            @Min(1) @Max(36_500) int nightlyDays,
            @Min(1) @Max(1_200) int monthlyMonths,
            boolean purgeAfterRun,
            @Min(1) @Max(1_000_000) int deleteBatchRows) {
    }

    /** Above {@code maxListedReps} reps a PDF shows the best and lowest reps, not every rep (README). */
    public record Pdf(@Min(2) @Max(100_000) int maxListedReps) {
    }
}

package com.salesops.packets.retention;

import com.salesops.packets.config.PacketsProperties;
import com.salesops.packets.history.RunHistory;
import com.salesops.packets.support.RunRows;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The purge and the clock it reads "today" from (a test gives its own, a fixed day). */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock(PacketsProperties p) {
        return Clock.system(ZoneId.of(p.timezone()));
    }

    /** Every store of per-run rows takes part: a new per-run table's owner implements {@link RunRows}. */
    @Bean
    Purge purge(RunHistory history, List<RunRows> stores, RunGuard guard, PacketsProperties p, Clock clock) {
        PacketsProperties.Retention r = p.retention();
        return new Purge(history, stores, guard, new RetentionPolicy(r.nightlyDays(), r.monthlyMonths()),
                p.output().dir().toAbsolutePath().normalize(), clock, ZoneId.of(p.timezone()), r.deleteBatchRows());
    }
}

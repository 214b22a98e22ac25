package com.salesops.packets.guard;

import com.salesops.packets.credit.CreditStore;
import com.salesops.packets.history.RunHistory;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delivery gate and its limits ({@code packets.guard.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GuardSettings.class)
public class GuardConfiguration {

    @Bean
    DeliveryGate deliveryGate(DataSource app, PlatformTransactionManager transactions, CreditStore credits,
                              RunHistory history, GuardSettings limits) {
        return new DeliveryGate(app, transactions, credits, history, limits);
    }
}

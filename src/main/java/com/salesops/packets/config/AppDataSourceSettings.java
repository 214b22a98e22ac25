package com.salesops.packets.config;

import com.salesops.packets.support.JdbcStreaming;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Driver settings the app database connection needs beyond its URL. On MySQL/MariaDB the extract
 * step writes credit rows with {@code LOAD DATA LOCAL INFILE} from a stream in memory, and the server
 * accepts that only from a client that announced local-data support when it connected. Announcing it
 * with {@code allowLoadLocalInfileInPath} (rather than {@code allowLoadLocalInfile=true}) keeps the
 * driver from ever sending a file the server asks for: only files under that folder, which the job
 * never creates, could be read. The stream itself is enabled per statement (credit/BulkLoad).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AppDatabaseProperties.class)
public class AppDataSourceSettings {

    /** A folder that holds nothing: the only place the driver would read a server-named file from. */
    public static final String NO_LOCAL_FILES = Path.of(System.getProperty("java.io.tmpdir"),
            "attainment-packets-no-local-files").toString();

    @Bean
    static BeanPostProcessor appDataSourceLocalData() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource hikari && JdbcStreaming.isMySqlUrl(hikari.getJdbcUrl())
                        && !hikari.getDataSourceProperties().containsKey("allowLoadLocalInfileInPath")) {
                    hikari.addDataSourceProperty("allowLoadLocalInfileInPath", NO_LOCAL_FILES);
                }
                return bean;
            }
        };
    }
}

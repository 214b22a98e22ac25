package com.salesops.packets.run;

import com.salesops.packets.attainment.AttainmentSettings;
import com.salesops.packets.attainment.ResultStore;
import com.salesops.packets.changes.ChangeStore;
import com.salesops.packets.changes.RunChanges;
import com.salesops.packets.config.PacketsProperties;
import com.salesops.packets.config.Settings;
import com.salesops.packets.credit.CreditStore;
import com.salesops.packets.delivery.DeliveryLedger;
import com.salesops.packets.delivery.MailSettings;
import com.salesops.packets.delivery.PacketDelivery;
import com.salesops.packets.delivery.PacketMailer;
import com.salesops.packets.delivery.PacketResender;
import com.salesops.packets.delivery.PacketSender;
import com.salesops.packets.delivery.SmtpChannel;
import com.salesops.packets.history.RunHistory;
import com.salesops.packets.packet.PacketRenderer;
import com.salesops.packets.packet.PacketStore;
import com.salesops.packets.packet.excel.ExcelPacketWriter;
import com.salesops.packets.packet.pdf.PdfPacketWriter;
import com.salesops.packets.source.RunContexts;
import com.salesops.packets.source.SourceDatabase;
import com.salesops.packets.source.SourceReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

/** The features' beans, built from the validated {@code packets.*} settings: one owner per table. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PacketsProperties.class)
class FeatureConfiguration {

    @Bean(destroyMethod = "close")
    SourceDatabase sourceDatabase(PacketsProperties p) {
        return new SourceDatabase(p.source().url(), p.source().username(), p.source().password(),
                p.source().sqlLocation());
    }

    @Bean
    SourceReader sourceReader(SourceDatabase source) {
        return new SourceReader(source);
    }

    @Bean
    RunContexts runContexts(PacketsProperties p, SourceReader source) {
        return new RunContexts(Settings.calendar(p), source, p.baseCurrency());
    }

    @Bean
    AttainmentSettings attainmentSettings(PacketsProperties p) {
        return Settings.attainment(p);
    }

    @Bean
    CreditStore creditStore(DataSource app) {
        return new CreditStore(app);
    }

    @Bean
    ResultStore resultStore(DataSource app) {
        return new ResultStore(app);
    }

    @Bean
    ChangeStore changeStore(DataSource app) {
        return new ChangeStore(app);
    }

    @Bean
    RunChanges runChanges(RunHistory history, CreditStore credits, ResultStore results, ChangeStore changes,
                          PlatformTransactionManager transactions) {
        return new RunChanges(history, credits, results, changes, transactions);
    }

    @Bean
    RunHistory runHistory(DataSource app, CreditStore credits, ResultStore results) {
        return new RunHistory(app, credits, results);
    }

    @Bean
    PacketStore packetStore(DataSource app, PlatformTransactionManager transactions) {
        return new PacketStore(app, transactions);
    }

    @Bean
    PacketRenderer packetRenderer(PacketStore packets, PacketsProperties p) {
        Supplier<ExcelPacketWriter> excel = memoize(ExcelPacketWriter::new);
        Supplier<PdfPacketWriter> pdf = memoize(() -> new PdfPacketWriter(p.pdf().maxListedReps()));
        return new PacketRenderer(packets, (packet, file) -> excel.get().write(packet, file),
                (packet, file) -> pdf.get().write(packet, file), outputDir(p));
    }

    @Bean
    DeliveryLedger deliveryLedger(DataSource app, PlatformTransactionManager transactions) {
        return new DeliveryLedger(app, transactions);
    }

    @Bean
    MailSettings mailSettings(PacketsProperties p) {
        return Settings.mail(p);
    }

    @Bean
    PacketMailer packetMailer(MailSettings settings, ObjectProvider<JavaMailSender> smtp) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender instanceof JavaMailSenderImpl impl) {
            SmtpChannel.applyTimeoutDefaults(impl);
        }
        return new PacketMailer(settings, Optional.ofNullable(sender));
    }

    @Bean
    PacketDelivery packetDelivery(ResultStore results, PacketStore packets, ChangeStore changes,
                                  DeliveryLedger ledger, PacketMailer mailer, MailSettings settings,
                                  PacketsProperties p) {
        return new PacketDelivery(results, packets, changes, ledger, mailer, new PacketSender(mailer, ledger, settings),
                outputDir(p));
    }

    @Bean
    PacketResender packetResender(RunContexts contexts, PacketStore packets, PacketDelivery delivery,
                                  RunHistory history) {
        return new PacketResender(contexts, packets, delivery, history);
    }

    @Bean
    RunLock runLock(DataSource app, PlatformTransactionManager transactions) {
        return new RunLock(app, transactions);
    }

    static Path outputDir(PacketsProperties p) {
        return p.output().dir().toAbsolutePath().normalize();
    }

    /** Templates compile once per JVM, on first use (not at start-up: status and validate-config stay fast). */
    private static <T> Supplier<T> memoize(Supplier<T> factory) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = factory.get();
                }
                return value;
            }
        };
    }
}

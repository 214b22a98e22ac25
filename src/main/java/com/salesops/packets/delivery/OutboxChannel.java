package com.salesops.packets.delivery;

import com.salesops.packets.support.FileNames;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Without an SMTP host, each message becomes an {@code .eml} file in the run's outbox folder, written atomically. */
public final class OutboxChannel implements MailChannel {

    private final Path outbox;

    public OutboxChannel(Path outbox) {
        this.outbox = outbox;
    }

    @Override
    public void send(MimeMessage message, String name) throws MessagingException, IOException {
        Files.createDirectories(outbox);
        Path target = outbox.resolve(FileNames.safe(name) + ".eml");
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(temp)) {
            message.writeTo(out);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public String describe() {
        return "outbox " + outbox;
    }

    @Override
    public void close() {
        // nothing held open
    }
}

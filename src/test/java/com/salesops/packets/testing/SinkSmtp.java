package com.salesops.packets.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real SMTP server on a local port that accepts every message and keeps only counts: what the
 * benchmark sends to, so the emails/s figure is the job's own sending rate, not the time a test
 * server spends parsing and storing messages (GreenMail, in the same JVM, on the same two cores).
 */
public final class SinkSmtp implements AutoCloseable {

    private final ServerSocket server;
    private final Thread acceptor;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    public SinkSmtp() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptAll, "sink-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public long messages() {
        return messages.get();
    }

    public long bytes() {
        return bytes.get();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread session = new Thread(() -> serve(socket), "sink-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; OutputStream out = socket.getOutputStream()) {
            Input in = new Input(socket.getInputStream());
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250-sink\r\n250 8BITMIME");
                    case "DATA" -> {
                        reply(out, "354 end with .");
                        bytes.addAndGet(in.skipData());
                        messages.incrementAndGet();
                        reply(out, "250 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok"); // MAIL, RCPT, RSET, NOOP
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The session's bytes: command lines, and message data skipped up to CRLF.CRLF. */
    private static final class Input {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int len;

        Input(InputStream in) {
            this.in = in;
        }

        private boolean fill() throws IOException {
            len = in.read(buf);
            pos = 0;
            return len > 0;
        }

        String readLine() throws IOException {
            StringBuilder b = new StringBuilder(80);
            while (pos < len || fill()) {
                char c = (char) buf[pos++];
                if (c == '\n') {
                    int n = b.length();
                    if (n > 0 && b.charAt(n - 1) == '\r') {
                        b.setLength(n - 1);
                    }
                    return b.toString();
                }
                b.append(c);
            }
            return b.length() == 0 ? null : b.toString();
        }

        /** Skips message data through the terminating line "." and returns its size in bytes. */
        long skipData() throws IOException {
            // state: how much of CRLF "." CRLF has been seen (the data starts after a CRLF)
            byte[] end = {'\r', '\n', '.', '\r', '\n'};
            int matched = 2;
            long size = 0;
            while (pos < len || fill()) {
                byte c = buf[pos++];
                size++;
                if (c == end[matched]) {
                    matched++;
                    if (matched == end.length) {
                        return size;
                    }
                } else {
                    matched = c == '\r' ? 1 : 0;
                }
            }
            return size;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

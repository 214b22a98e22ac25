package com.salesops.packets.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP gate in front of a real SMTP server (GreenMail) that can fail the way mail servers fail:
 * go away after k messages (open connections are cut; new ones are greeted with {@code 421} and
 * closed), refuse chosen recipients with {@code 550}, and count connections and messages. Only
 * the client's command lines are looked at; everything else passes through unchanged.
 */
public final class SmtpGate implements AutoCloseable {

    private final ServerSocket server;
    private final int upstreamPort;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger messages = new AtomicInteger();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile int cutAfter = -1;

    public SmtpGate(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-gate");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** After {@code k} more messages have been accepted, the server "goes away". */
    public void stopAfter(int k) {
        cutAfter = messages.get() + k;
    }

    /** The server is back. */
    public void up() {
        cutAfter = -1;
        down = false;
    }

    public boolean isDown() {
        return down;
    }

    /** RCPT TO this address gets {@code 550 5.1.1}. */
    public void refuse(String address) {
        refused.add(address.toLowerCase(Locale.ROOT));
    }

    /** RCPT TO this address passes again. */
    public void allow(String address) {
        refused.remove(address.toLowerCase(Locale.ROOT));
    }

    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (down) {
                    client.getOutputStream().write("421 4.3.2 Service not available, closing transmission channel\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    client.close();
                    continue;
                }
                connections.incrementAndGet();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                open.add(client);
                open.add(upstream);
                daemon(() -> copy(upstream, client));
                daemon(() -> commands(client, upstream));
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (to) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // connection gone
        } finally {
            closeQuietly(from, to);
        }
    }

    private void commands(Socket client, Socket upstream) {
        try (InputStream in = new BufferedInputStream(client.getInputStream())) {
            OutputStream out = new BufferedOutputStream(upstream.getOutputStream());
            boolean data = false;
            for (byte[] line; (line = line(in)) != null; ) {
                String text = new String(line, StandardCharsets.ISO_8859_1);
                if (data) {
                    out.write(line);
                    if (text.equals(".\r\n")) {
                        data = false;
                        messages.incrementAndGet();
                        out.flush();
                    } else if (in.available() == 0) {
                        out.flush();
                    }
                    continue;
                }
                String command = text.toUpperCase(Locale.ROOT);
                if (command.startsWith("MAIL FROM") && cutAfter >= 0 && messages.get() >= cutAfter) {
                    down = true;
                    closeQuietly(client, upstream);
                    return;
                }
                if (command.startsWith("RCPT TO") && refused.contains(address(text))) {
                    synchronized (client) {
                        client.getOutputStream().write(("550 5.1.1 <" + address(text) + ">: mailbox unavailable\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        client.getOutputStream().flush();
                    }
                    continue;
                }
                if (command.startsWith("DATA")) {
                    data = true;
                }
                out.write(line);
                out.flush();
            }
        } catch (IOException e) {
            // connection gone
        } finally {
            closeQuietly(client, upstream);
        }
    }

    private static String address(String rcpt) {
        int lt = rcpt.indexOf('<');
        int gt = rcpt.indexOf('>');
        return lt >= 0 && gt > lt ? rcpt.substring(lt + 1, gt).toLowerCase(Locale.ROOT) : "";
    }

    private static byte[] line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        for (int c; (c = in.read()) >= 0; ) {
            b.write(c);
            if (c == '\n') {
                return b.toByteArray();
            }
        }
        return b.size() == 0 ? null : b.toByteArray();
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "smtp-gate-pipe");
        t.setDaemon(true);
        t.start();
    }

    private void closeQuietly(Socket... sockets) {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
            open.remove(s);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            closeQuietly(s);
        }
    }
}

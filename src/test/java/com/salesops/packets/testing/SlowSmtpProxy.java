package com.salesops.packets.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * A TCP proxy in front of the test's SMTP server that holds every connection for a moment before
 * relaying it: the job's deliver step then takes long enough to be killed in the middle, without
 * any test-only switch in the job itself.
 */
public final class SlowSmtpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final Duration delay;

    public SlowSmtpProxy(int targetPort, Duration delay) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.delay = delay;
        Thread accept = new Thread(this::acceptLoop, "slow-smtp-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> relay(client), "slow-smtp-relay");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            Thread.sleep(delay.toMillis());
            Thread back = new Thread(() -> pipe(upstreamIn(upstream), clientOut(client)), "slow-smtp-back");
            back.setDaemon(true);
            back.start();
            pipe(client.getInputStream(), upstream.getOutputStream());
            back.join(5_000);
        } catch (IOException | InterruptedException e) {
            // the job was killed mid-conversation: nothing to relay any more
        }
    }

    private static InputStream upstreamIn(Socket s) {
        try {
            return s.getInputStream();
        } catch (IOException e) {
            return InputStream.nullInputStream();
        }
    }

    private static OutputStream clientOut(Socket s) {
        try {
            return s.getOutputStream();
        } catch (IOException e) {
            return OutputStream.nullOutputStream();
        }
    }

    private static void pipe(InputStream in, OutputStream out) {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // connection closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

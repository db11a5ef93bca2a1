package org.guichet.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small real SMTP server on a socket, for what GreenMail cannot do: it refuses for good (550 5.1.1) every
 * recipient whose address starts with "nobody", and accepts and keeps the others' mails.
 */
final class RefusingSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;
    final List<String> accepted = new CopyOnWriteArrayList<>();

    RefusingSmtpServer() throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "refusing-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException e) {
                // closed, or the client went away: wait for the next one
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        say(out, "220 refusing.test ESMTP");
        List<String> recipients = new CopyOnWriteArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (verb) {
                case "EHLO", "HELO" -> say(out, "250 refusing.test");
                case "MAIL" -> {
                    recipients.clear();
                    say(out, "250 2.1.0 ok");
                }
                case "RCPT" -> {
                    if (line.toLowerCase().contains("<nobody")) {
                        say(out, "550 5.1.1 no such user here");
                    } else {
                        recipients.add(line);
                        say(out, "250 2.1.5 ok");
                    }
                }
                case "DATA" -> {
                    say(out, "354 go on");
                    StringBuilder data = new StringBuilder();
                    for (String d = in.readLine(); d != null && !d.equals("."); d = in.readLine()) {
                        data.append(d).append('\n');
                    }
                    accepted.add(data.toString());
                    say(out, "250 2.0.0 queued");
                }
                case "QUIT" -> {
                    say(out, "221 bye");
                    return;
                }
                default -> say(out, "250 ok");
            }
        }
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

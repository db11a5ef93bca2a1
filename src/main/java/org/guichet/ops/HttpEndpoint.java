package org.guichet.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opt-in HTTP endpoint of the daemon ({@code http.port}), on the loopback unless {@code http.host} says
 * otherwise: {@code GET /health} (JSON, 200 when every check passes, else 503) and {@code GET /metrics}
 * (Prometheus text). Nothing else answers, and nothing there changes anything.
 */
public final class HttpEndpoint implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpEndpoint.class);
    private final HttpServer server;
    private final ExecutorService executor;

    private HttpEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static HttpEndpoint start(String host, int port, Health health, Metrics metrics) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 8);
        } catch (IOException e) {
            throw new org.guichet.GuichetException("cannot listen on " + host + ":" + port + " (http.port): "
                    + e.getMessage() + "; choose a free port", e);
        }
        ObjectMapper json = new ObjectMapper();
        server.createContext("/health", exchange -> answer(exchange, () -> {
            Health.Report report = health.check();
            return new Reply(report.up() ? 200 : 503, "application/json",
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(Health.view(report)) + "\n");
        }));
        server.createContext("/metrics", exchange -> answer(exchange,
                () -> new Reply(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape())));
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "guichet-http"));
        server.setExecutor(executor);
        server.start();
        log.info("health and metrics on http://{}:{}/health and /metrics", host, server.getAddress().getPort());
        return new HttpEndpoint(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private record Reply(int status, String type, String body) {
    }

    private interface Work {
        Reply get() throws IOException;
    }

    private static void answer(HttpExchange exchange, Work work) throws IOException {
        try (exchange) {
            Reply reply;
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                reply = new Reply(405, "text/plain; charset=utf-8", "only GET\n");
            } else if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
                reply = new Reply(404, "text/plain; charset=utf-8", "not found\n");
            } else {
                try {
                    reply = work.get();
                } catch (RuntimeException e) {
                    log.warn("{} failed: {}", exchange.getRequestURI().getPath(), e.getMessage());
                    reply = new Reply(500, "text/plain; charset=utf-8", "failed: " + e.getClass().getSimpleName() + "\n");
                }
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.type());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(reply.status(), head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

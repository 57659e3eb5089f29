package io.tenantprovisioning.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A real local HTTP server standing in for Slack: answers with a scripted sequence of responses
 * (the last one repeats) and records every request with its arrival time.
 */
final class WebhookReceiver implements AutoCloseable {

    static final String PATH = "/services/T0000/B0000/XyZsecretTokenPart42";

    record Answer(int status, Map<String, String> headers, String body) {
        static Answer of(int status) {
            return new Answer(status, Map.of(), status == 200 ? "ok" : "error");
        }
    }

    record Received(long nanoTime, String method, String path, String contentType, String body) {
    }

    private final HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();
    private Answer last = Answer.of(200);

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    synchronized WebhookReceiver answer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Milliseconds between request i-1 and request i. */
    synchronized long gapMillis(int i) {
        return (received.get(i).nanoTime() - received.get(i - 1).nanoTime()) / 1_000_000;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Answer answer;
        synchronized (this) {
            received.add(new Received(System.nanoTime(), exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Content-Type"), body));
            if (!script.isEmpty()) {
                last = script.poll();
            }
            answer = last;
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.rightsize.cli.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import io.rightsize.common.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import java.util.stream.LongStream;

/** Asks Prometheus's HTTP API for range queries, turning every way it can fail into a message naming the query. */
final class PrometheusClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** A week of minutes over a large namespace takes Prometheus a few seconds; far longer means it is stuck. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final URI base;
    private final HttpClient http;

    PrometheusClient(URI base) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    URI base() {
        return base;
    }

    /** The matrix {@code query} gives over {@code range}; points that are not finite numbers are left out. */
    List<RangeSeries> queryRange(String query, QueryRange range) throws PrometheusException {
        URI uri = base.resolve("api/v1/query_range?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&start=" + range.startSeconds() + "&end=" + range.endSeconds() + "&step=" + range.stepSeconds());
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PrometheusException("cannot reach Prometheus at " + base + ": " + reason(e)
                    + " (is the URL right, and the server up?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrometheusException("interrupted while asking Prometheus at " + base);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200 || body == null || !"success".equals(body.path("status").asText())) {
            String error = body != null && body.has("error")
                    ? body.path("errorType").asText("error") + ": " + body.path("error").asText()
                    : excerpt(response.body());
            throw new PrometheusException("Prometheus at " + base + " answered HTTP " + response.statusCode()
                    + " with " + error + ", to " + query + " (" + range + ")");
        }
        JsonNode data = body.path("data");
        if (!"matrix".equals(data.path("resultType").asText())) {
            throw new PrometheusException("Prometheus at " + base + " answered a " + data.path("resultType").asText()
                    + ", not a matrix, to " + query);
        }
        List<RangeSeries> series = new ArrayList<>();
        for (JsonNode s : data.path("result")) {
            Map<String, String> labels = new LinkedHashMap<>();
            s.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            LongStream.Builder times = LongStream.builder();
            DoubleStream.Builder values = DoubleStream.builder();
            for (JsonNode point : s.path("values")) {
                double value = parseValue(point.path(1).asText());
                if (Double.isFinite(value)) {
                    times.add(Math.round(point.path(0).asDouble()));
                    values.add(value);
                }
            }
            series.add(new RangeSeries(labels, times.build().toArray(), values.build().toArray()));
        }
        return series;
    }

    private static JsonNode parse(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** Prometheus writes values as strings, {@code "NaN"} and {@code "+Inf"} included. */
    private static double parseValue(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String reason(IOException e) {
        Throwable cause = e;
        while (cause.getCause() != null && (cause.getMessage() == null || cause.getMessage().isBlank())) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " " + message);
    }

    private static String excerpt(String body) {
        String oneLine = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return oneLine.isEmpty() ? "an empty body" : "'" + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "..."
                : oneLine) + "'";
    }
}

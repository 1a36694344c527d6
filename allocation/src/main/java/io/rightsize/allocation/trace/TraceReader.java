package io.rightsize.allocation.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a long-format trace, {@code timestamp,service,resource,value} with that header (any column order), into
 * one {@link Series} per (service, resource) in order of first appearance, each sorted by time.
 */
public final class TraceReader {

    private static final List<String> COLUMNS = List.of("timestamp", "service", "resource", "value");
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    private TraceReader() {
    }

    /**
     * @throws java.nio.file.NoSuchFileException when there is no such file
     * @throws MalformedTraceException naming the line of the first malformed row
     */
    public static List<Series> read(Path csv) throws IOException {
        Map<String, List<Sample>> byKey = new LinkedHashMap<>();
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            requireHeader(csv, rows);
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                long line = rows.getParser().currentTokenLocation().getLineNr();
                Sample sample = parse(csv, line, row);
                byKey.computeIfAbsent(row.get("service") + "\n" + row.get("resource"), k -> new ArrayList<>())
                        .add(sample);
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw new MalformedTraceException(csv + ": line " + line + ": " + e.getOriginalMessage());
        }
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, List<Sample>> entry : byKey.entrySet()) {
            series.add(toSeries(csv, entry.getKey().split("\n", 2), entry.getValue()));
        }
        return series;
    }

    private static void requireHeader(Path csv, MappingIterator<Map<String, String>> rows) throws IOException {
        rows.hasNextValue(); // reads the header line into the parser's schema
        CsvSchema header = (CsvSchema) rows.getParserSchema();
        for (String column : COLUMNS) {
            if (header == null || header.column(column) == null) {
                throw new MalformedTraceException(csv + ": line 1: header has no column '" + column
                        + "', expected " + String.join(",", COLUMNS));
            }
        }
    }

    private static Sample parse(Path csv, long line, Map<String, String> row) throws MalformedTraceException {
        String where = csv + ": line " + line + ": ";
        for (String column : COLUMNS) {
            if (row.get(column) == null || row.get(column).isEmpty()) {
                throw new MalformedTraceException(where + "'" + column + "' is empty");
            }
        }
        long timestamp;
        double value;
        try {
            timestamp = Long.parseLong(row.get("timestamp"));
        } catch (NumberFormatException e) {
            throw new MalformedTraceException(where + "timestamp '" + row.get("timestamp")
                    + "' is not whole Unix seconds");
        }
        try {
            value = Double.parseDouble(row.get("value"));
        } catch (NumberFormatException e) {
            throw new MalformedTraceException(where + "value '" + row.get("value") + "' is not a number");
        }
        if (!Double.isFinite(value) || value < 0) {
            throw new MalformedTraceException(where + "value must be finite and non-negative, got " + value);
        }
        return new Sample(line, timestamp, value);
    }

    private static Series toSeries(Path csv, String[] key, List<Sample> samples) throws MalformedTraceException {
        samples.sort(Comparator.comparingLong(Sample::timestamp).thenComparingLong(Sample::line));
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).timestamp() == samples.get(i - 1).timestamp()) {
                throw new MalformedTraceException(csv + ": line " + samples.get(i).line() + ": a second sample of "
                        + key[0] + "/" + key[1] + " at " + samples.get(i).timestamp() + " (the first is on line "
                        + samples.get(i - 1).line() + ")");
            }
        }
        return new Series(key[0], key[1], samples.stream().mapToLong(Sample::timestamp).toArray(),
                samples.stream().mapToDouble(Sample::value).toArray());
    }

    private record Sample(long line, long timestamp, double value) {
    }
}

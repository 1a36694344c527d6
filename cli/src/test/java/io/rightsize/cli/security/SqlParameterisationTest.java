package io.rightsize.cli.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every SQL statement in the project's main sources is a constant: values travel as parameters ($1, ?), never
 * concatenated into the text. A statement built from a variable fails here, with its file and line.
 */
class SqlParameterisationTest {

    private static final Path HOME = Path.of(System.getProperty("rightsize.home")).toAbsolutePath().normalize();
    /** Calls that take SQL text as their first argument. */
    private static final Pattern SQL_CALL = Pattern.compile(
            "\\.(preparedQuery|query|prepareStatement|executeQuery|executeUpdate|execute|addBatch)\\(");
    /** A constant: upper-case identifiers, string literals and + between them. */
    private static final Pattern CONSTANT = Pattern.compile(
            "\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[A-Z][A-Z0-9_]*|[A-Za-z]+\\.[A-Z][A-Z0-9_]*)"
                    + "(\\s*\\+\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[A-Z][A-Z0-9_]*|[A-Za-z]+\\.[A-Z][A-Z0-9_]*))*\\s*");

    @Test
    void everySqlStatementIsAConstant() throws IOException {
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(HOME)) {
            for (Path file : files.filter(SqlParameterisationTest::isMainSource).toList()) {
                String source = Files.readString(file);
                if (!source.contains("java.sql") && !source.contains("io.vertx.mutiny.sqlclient")) {
                    continue;
                }
                Matcher m = SQL_CALL.matcher(source);
                while (m.find()) {
                    String argument = firstArgument(source, m.end()).replaceAll("//[^\n]*", "");
                    boolean vertxTuple = m.group(1).equals("execute") && source.contains("io.vertx.mutiny.sqlclient")
                            && argument.strip().matches("(?s)Tuple\\..*|[a-z][A-Za-z0-9]*");
                    if (argument.isBlank() || vertxTuple) {
                        continue; // a prepared query's execute(tuple), or execute() on a batch
                    }
                    checked++;
                    if (!CONSTANT.matcher(argument).matches()) {
                        int line = source.substring(0, m.start()).split("\n", -1).length;
                        offenders.add(HOME.relativize(file) + ":" + line + " " + m.group(1) + "(" + argument.strip());
                    }
                }
            }
        }
        System.out.printf("SQL statements checked: %d, built from variables: %d%n", checked, offenders.size());
        assertTrue(checked > 10, "the scan finds the project's statements (" + checked + ")");
        assertTrue(offenders.isEmpty(), "SQL built from variables:\n" + String.join("\n", offenders));
    }

    /** The text of the first argument from {@code start}: up to a comma or parenthesis outside literals and calls. */
    private static String firstArgument(String source, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if ((c == ')' && depth == 0) || (c == ',' && depth == 0)) {
                return source.substring(start, i);
            } else if (c == ')') {
                depth--;
            }
        }
        return source.substring(start);
    }

    private static boolean isMainSource(Path file) {
        String path = file.toString();
        return path.endsWith(".java") && path.contains("/src/main/java/") && !path.contains("/target/");
    }
}

package io.rightsize.cli.command;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a step as people write one: {@code 90s}, {@code 30m}, {@code 1h}, {@code 1d}, or ISO-8601 {@code PT1H}. */
public final class StepDuration implements ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d+)([smhd])");

    @Override
    public Duration convert(String value) {
        Matcher m = SHORT.matcher(value.trim().toLowerCase(Locale.ROOT));
        Duration step;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            step = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                step = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a step: write e.g. 90s, 30m, 1h, 1d or PT1H");
            }
        }
        if (step.getSeconds() < 1) {
            throw new TypeConversionException("the step must be at least one second, got " + value);
        }
        return step;
    }
}

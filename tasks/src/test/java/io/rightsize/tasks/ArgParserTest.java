package io.rightsize.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgParserTest {

    @Test
    void parsesTaskFilesAndParamsInAnyOrder() {
        TaskArguments args = ArgParser.parse(new String[] {
            "--param", "radius=3", "blur", "--output", "out.png", "--input", "in.png", "--param", "extra=-1.5"});
        assertEquals("blur", args.task());
        assertEquals(Path.of("in.png"), args.input());
        assertEquals(Path.of("out.png"), args.output());
        assertEquals(Map.of("radius", 3.0, "extra", -1.5), args.params());
        assertEquals(List.of("radius", "extra"), List.copyOf(args.params().keySet()));
    }

    @Test
    void refusesAMissingOutput() {
        UsageException e = assertThrows(UsageException.class,
                () -> ArgParser.parse(new String[] {"blur", "--input", "in.png"}));
        assertEquals("missing --output", e.getMessage());
    }

    @Test
    void refusesAnOptionWithoutItsValue() {
        UsageException e = assertThrows(UsageException.class,
                () -> ArgParser.parse(new String[] {"blur", "--input"}));
        assertEquals("option --input needs a value", e.getMessage());
    }

    @Test
    void refusesAParamThatIsNotANumberNamingIt() {
        UsageException e = assertThrows(UsageException.class, () -> ArgParser.parse(new String[] {
            "blur", "--input", "a.png", "--output", "b.png", "--param", "radius=big"}));
        assertEquals("param 'radius': not a number: 'big'", e.getMessage());
    }

    @Test
    void refusesAParamGivenTwice() {
        UsageException e = assertThrows(UsageException.class, () -> ArgParser.parse(new String[] {
            "blur", "--input", "a.png", "--output", "b.png", "--param", "radius=2", "--param", "radius=3"}));
        assertTrue(e.getMessage().contains("radius"));
    }

    @Test
    void refusesAParamWithoutName() {
        assertThrows(UsageException.class, () -> ArgParser.parse(new String[] {
            "blur", "--input", "a.png", "--output", "b.png", "--param", "=3"}));
    }

    @Test
    void refusesUnknownOptionsAndASecondTask() {
        assertThrows(UsageException.class, () -> ArgParser.parse(new String[] {
            "blur", "--input", "a.png", "--output", "b.png", "--verbose"}));
        assertThrows(UsageException.class, () -> ArgParser.parse(new String[] {
            "blur", "sobel", "--input", "a.png", "--output", "b.png"}));
    }
}

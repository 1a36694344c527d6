package io.rightsize.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskMainTest {

    @TempDir
    Path dir;

    private Path input;
    private Path output;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void writeInputImage() throws IOException {
        Random random = new Random(42);
        BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 96; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        input = dir.resolve("in.png");
        output = dir.resolve("out.png");
        ImageIO.write(image, "png", input.toFile());
    }

    @Test
    void writesAPngAndPrintsOneSummaryLine() throws IOException {
        assertEquals(0, run("grayscale", "--input", input.toString(), "--output", output.toString()));
        BufferedImage written = ImageIO.read(output.toFile());
        assertEquals(96, written.getWidth());
        assertEquals(64, written.getHeight());
        assertTrue(out().matches("task=grayscale in=96x64 out=96x64 millis=\\d+\\R"), out());
        assertEquals("", err());
    }

    @Test
    void appliesGivenParams() throws IOException {
        assertEquals(0, run("resize", "--input", input.toString(), "--output", output.toString(),
                "--param", "scale=0.5"));
        assertEquals(48, ImageIO.read(output.toFile()).getWidth());
        assertTrue(out().startsWith("task=resize in=96x64 out=48x32 "), out());
    }

    @Test
    void exitsWithTwoNamingTheParamWhenItIsOutOfRange() {
        assertEquals(2, run("blur", "--input", input.toString(), "--output", output.toString(),
                "--param", "radius=80"));
        assertTrue(err().contains("param 'radius': must be between 1 and 50, got 80"), err());
        assertFalse(Files.exists(output));
    }

    @Test
    void exitsWithTwoForAnUnknownParam() {
        assertEquals(2, run("sobel", "--input", input.toString(), "--output", output.toString(),
                "--param", "sigma=2"));
        assertTrue(err().contains("param 'sigma'"), err());
    }

    @Test
    void exitsWithTwoForAnUnknownTask() {
        assertEquals(2, run("posterize", "--input", input.toString(), "--output", output.toString()));
        assertTrue(err().contains("unknown task 'posterize'"), err());
    }

    @Test
    void exitsWithTwoForAnIncompleteCommandLine() {
        assertEquals(2, run("blur", "--input", input.toString()));
        assertTrue(err().contains("missing --output"), err());
    }

    @Test
    void exitsWithThreeWhenTheInputIsNotAnImage() throws IOException {
        Path text = dir.resolve("notes.png");
        Files.writeString(text, "definitely not a picture");
        assertEquals(3, run("grayscale", "--input", text.toString(), "--output", output.toString()));
        assertTrue(err().contains("not an image"), err());
    }

    @Test
    void exitsWithThreeWhenTheInputDoesNotExist() {
        assertEquals(3, run("grayscale", "--input", dir.resolve("missing.png").toString(),
                "--output", output.toString()));
    }

    @Test
    void exitsWithThreeBeforeDecodingAnImageThatClaimsHugeDimensions() throws IOException {
        Path bomb = dir.resolve("bomb.png");
        Files.write(bomb, pngHeaderOnly(20_000, 20_000));
        assertEquals(3, run("grayscale", "--input", bomb.toString(), "--output", output.toString()));
        assertTrue(err().contains("20000x20000"), err());
        assertTrue(err().contains("limit of " + ImageFiles.MAX_PIXELS), err());
    }

    @Test
    void exitsWithThreeWhenTheOutputCannotBeWritten() {
        Path nowhere = dir.resolve("no-such-dir").resolve("out.png");
        assertEquals(3, run("grayscale", "--input", input.toString(), "--output", nowhere.toString()));
        assertTrue(err().contains("cannot write output"), err());
    }

    @Test
    void exitsWithFourWhenTheTaskRunsOutOfMemory() throws Exception {
        Path big = dir.resolve("big.png");
        ImageIO.write(new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB), "png", big.toFile());
        Path log = dir.resolve("task.log");
        // A process of its own: the heap limit is what the orchestrator sets from the allocation, and the
        // exit status is what it reads.
        Process task = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx16m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                TaskMain.class.getName(), "resize", "--input", big.toString(), "--output", output.toString(),
                "--param", "scale=4")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(task.waitFor(60, TimeUnit.SECONDS), "the task ends");
        String printed = Files.readString(log);
        assertEquals(4, task.exitValue(), printed);
        assertTrue(printed.contains("error: out of memory"), printed);
    }

    private int run(String... args) {
        PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        return TaskMain.run(args, out, err).code();
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    /** A valid PNG signature and header declaring the given size, followed by no pixel data at all. */
    private static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream fields = new DataOutputStream(header);
        fields.writeInt(width);
        fields.writeInt(height);
        fields.write(new byte[] {8, 2, 0, 0, 0});
        writeChunk(data, "IHDR", header.toByteArray());
        writeChunk(data, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void writeChunk(DataOutputStream out, String type, byte[] payload) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(payload.length);
        out.write(typeBytes);
        out.write(payload);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(payload);
        out.writeInt((int) crc.getValue());
    }
}

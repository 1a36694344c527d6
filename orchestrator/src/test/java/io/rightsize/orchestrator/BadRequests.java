package io.rightsize.orchestrator;

import io.grpc.Status;
import io.rightsize.api.v1.OrderSpec;
import io.rightsize.api.v1.SubmitOrderRequest;
import io.rightsize.api.v1.TaskSpec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * A representative bad-input corpus for SubmitOrder, one or more cases per category of the common module's full
 * corpus, with the status each must get. Files it needs are written under {@code dir} (inside an input root) and
 * {@code outside} (in none).
 */
final class BadRequests {

    /** One request, the code it must be refused with, and the field its description must start with (or null). */
    record BadRequest(String name, SubmitOrderRequest request, Status.Code code, String field) {
    }

    private final Path dir;
    private final Path outside;
    private final String image;
    private final List<BadRequest> cases = new ArrayList<>();

    private BadRequests(Path dir, Path outside) {
        this.dir = dir;
        this.outside = outside;
        this.image = write("ok.png", encoded("png", 64, 48)).toString();
    }

    static List<BadRequest> all(Path dir, Path outside, long seed) throws IOException {
        BadRequests corpus = new BadRequests(dir, outside);
        corpus.malformedJson(new Random(seed));
        corpus.wrongTypesAndUnknownNames();
        corpus.hugeListsAndAbsurdParams();
        corpus.paths();
        corpus.images(new Random(seed));
        corpus.oversizedMessages();
        return corpus.cases;
    }

    private void malformedJson(Random random) {
        String valid = order(image, "[\"grayscale\",{\"name\":\"blur\",\"params\":{\"radius\":3}}]");
        for (String json : List.of("", "   ", "{", "{\"image\": ", "null", "[1, 2]", "\"order\"", valid + "x",
                valid + valid, valid.replace('"', '\''), valid.replace("]}", "],}"), "/* c */" + valid,
                "[".repeat(5_000), valid.substring(0, valid.length() / 2), valid.substring(0, valid.length() - 1),
                valid.replace("{\"image\"", "{\"image\":\"x\",\"image\""))) {
            json("malformed " + abbreviated(json), json, "order");
        }
        for (int i = 0; i < 6; i++) {
            byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
            int at = random.nextInt(8);
            bytes[at] = (byte) (bytes[at] ^ (1 + random.nextInt(255)));
            json("byte flip #" + i + " in the opening", new String(bytes, StandardCharsets.UTF_8), "");
        }
        cases.add(new BadRequest("neither spec nor order_json", SubmitOrderRequest.getDefaultInstance(),
                Status.Code.INVALID_ARGUMENT, "order"));
    }

    private void wrongTypesAndUnknownNames() {
        json("image is a number", "{\"image\": 3, \"tasks\": [\"blur\"]}", "image");
        json("image is null", "{\"image\": null, \"tasks\": [\"blur\"]}", "image");
        json("id is an object", "{\"id\": {}, \"image\": \"" + image + "\", \"tasks\": [\"blur\"]}", "id");
        json("tasks is a string", order(image, "\"blur\""), "tasks");
        json("tasks is null", order(image, "null"), "tasks");
        json("task is a number", order(image, "[7]"), "tasks[0]");
        json("task without name", order(image, "[{\"params\": {}}]"), "tasks[0].name");
        json("params is an array", order(image, "[{\"name\": \"blur\", \"params\": [1]}]"), "tasks[0].params");
        json("radius is a string", order(image, "[{\"name\": \"blur\", \"params\": {\"radius\": \"big\"}}]"),
                "tasks[0].params.radius");
        json("radius is nested", order(image, "[{\"name\": \"blur\", \"params\": {\"radius\": [[[3]]]}}]"),
                "tasks[0].params.radius");
        json("unknown task", order(image, "[\"teleport\"]"), "tasks[0].name");
        json("unknown task with a 10000-char name", order(image, "[\"" + "t".repeat(10_000) + "\"]"),
                "tasks[0].name");
        json("unknown param", order(image, "[{\"name\": \"blur\", \"params\": {\"colour\": 1}}]"),
                "tasks[0].params.colour");
        json("unknown order field", "{\"image\": \"" + image + "\", \"tasks\": [\"blur\"], \"priority\": 1}",
                "priority");
        json("unknown task field", order(image, "[{\"name\": \"blur\", \"priority\": 1}]"), "tasks[0].priority");
        spec("spec task with empty name", OrderSpec.newBuilder().setImage(image).addTasks(TaskSpec.newBuilder()),
                "tasks[0].name");
        spec("spec id with slashes", OrderSpec.newBuilder().setId("../../x").setImage(image)
                .addTasks(TaskSpec.newBuilder().setName("blur")), "id");
        spec("spec id of 10000 chars", OrderSpec.newBuilder().setId("i".repeat(10_000)).setImage(image)
                .addTasks(TaskSpec.newBuilder().setName("blur")), "id");
    }

    private void hugeListsAndAbsurdParams() {
        json("33 tasks", order(image, "[" + String.join(",", Collections.nCopies(33, "\"grayscale\"")) + "]"),
                "tasks");
        json("5000 tasks", order(image, "[" + String.join(",", Collections.nCopies(5_000, "\"grayscale\"")) + "]"),
                "tasks");
        OrderSpec.Builder many = OrderSpec.newBuilder().setImage(image);
        for (int i = 0; i < 100_000; i++) {
            many.addTasks(TaskSpec.newBuilder().setName("grayscale"));
        }
        spec("spec with 100000 tasks", many, "tasks");
        for (double radius : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1, 0, 51,
                2.5, 1e308, -Double.MAX_VALUE, Double.MIN_VALUE}) {
            spec("spec radius " + radius, OrderSpec.newBuilder().setImage(image)
                    .addTasks(TaskSpec.newBuilder().setName("blur").putParams("radius", radius)),
                    "tasks[0].params.radius");
        }
        for (String radius : List.of("1e309", "-1e309", "99999999999999999999999", "\"NaN\"")) {
            json("json radius " + radius, order(image, "[{\"name\": \"blur\", \"params\": {\"radius\": " + radius
                    + "}}]"), "tasks[0].params.radius");
        }
        for (String token : List.of("NaN", "Infinity", "0x10", "9".repeat(1_001))) {
            json("json radius token " + abbreviated(token), order(image, "[{\"name\": \"blur\", \"params\": "
                    + "{\"radius\": " + token + "}}]"), "order");
        }
    }

    private void paths() throws IOException {
        Path secret = Files.write(outside.resolve("secret.png"), encoded("png", 8, 8));
        Path linkOut = Files.createSymbolicLink(dir.resolve("link-out.png"), secret);
        Path linkDir = Files.createSymbolicLink(dir.resolve("link-dir"), outside);
        Path sub = Files.createDirectories(dir.resolve("sub.png"));
        for (String path : List.of("../../../../../../../../etc/passwd", "/etc/passwd", "/etc/hostname", "/dev/zero",
                secret.toString(), "%2e%2e/%2e%2e/%2e%2e/etc/passwd", image + "\u0000.txt", "~/.ssh/id_rsa",
                linkOut.toString(), linkDir.resolve("secret.png").toString(), sub.toString(), "", "   ",
                dir + "/../../../../../../../etc/passwd")) {
            json("image path " + path.replace("\u0000", "\\0"), "{\"image\": " + quoted(path)
                    + ", \"tasks\": [\"grayscale\"]}", "image");
        }
        SubmitOrderRequest withBase = SubmitOrderRequest.newBuilder().setOrderJson(order("passwd", "[\"grayscale\"]"))
                .setBaseDir("/etc").build();
        cases.add(new BadRequest("base_dir outside the roots", withBase, Status.Code.INVALID_ARGUMENT, "image"));
        SubmitOrderRequest nulBase = SubmitOrderRequest.newBuilder().setOrderJson(order("ok.png", "[\"grayscale\"]"))
                .setBaseDir(dir + "\u0000").build();
        cases.add(new BadRequest("base_dir with a NUL byte", nulBase, Status.Code.INVALID_ARGUMENT, "base_dir"));
    }

    private void images(Random random) {
        byte[] png = encoded("png", 64, 48);
        byte[] jpeg = encoded("jpeg", 200, 150);
        byte[] noise = new byte[2_048];
        random.nextBytes(noise);
        imageFile("text named .png", "notes.png", "not an image at all".getBytes(StandardCharsets.UTF_8));
        imageFile("random bytes named .png", "noise.png", noise);
        imageFile("empty file", "empty.png", new byte[0]);
        imageFile("TIFF", "real.tif", encoded("tiff", 16, 16));
        for (int length : new int[] {20, png.length / 2, png.length - 12, png.length - 1}) {
            imageFile("PNG cut to " + length + " bytes", "cut-" + length + ".png", Arrays.copyOf(png, length));
        }
        for (int length : new int[] {100, jpeg.length / 2, jpeg.length - 2}) {
            imageFile("JPEG cut to " + length + " bytes", "cut-" + length + ".jpg", Arrays.copyOf(jpeg, length));
        }
        imageFile("PNG header claiming 100000x100000", "bomb.png", pngClaiming(100_000, 100_000));
        imageFile("PNG header claiming 2147483647x2147483647", "bomb-max.png",
                pngClaiming(Integer.MAX_VALUE, Integer.MAX_VALUE));
        imageFile("PNG header claiming 0x0", "bomb-zero.png", pngClaiming(0, 0));
    }

    /** Over the server's 4 MiB inbound limit the transport refuses before any code of ours reads the request. */
    private void oversizedMessages() {
        json("order_json of 1 MiB (over the order size, under the message size)",
                "{\"image\": \"" + "a".repeat(1 << 20) + "\", \"tasks\": [\"blur\"]}", "order");
        cases.add(new BadRequest("order_json of 5 MiB", SubmitOrderRequest.newBuilder()
                .setOrderJson("{\"image\": \"" + "a".repeat(5 << 20) + "\"}").build(), Status.Code.RESOURCE_EXHAUSTED,
                null));
        cases.add(new BadRequest("spec image path of 5 MiB", SubmitOrderRequest.newBuilder().setSpec(
                OrderSpec.newBuilder().setImage("a".repeat(5 << 20))).build(), Status.Code.RESOURCE_EXHAUSTED, null));
    }

    private void json(String name, String json, String field) {
        cases.add(new BadRequest(name, SubmitOrderRequest.newBuilder().setOrderJson(json).setBaseDir(dir.toString())
                .build(), Status.Code.INVALID_ARGUMENT, field));
    }

    private void spec(String name, OrderSpec.Builder spec, String field) {
        cases.add(new BadRequest(name, SubmitOrderRequest.newBuilder().setSpec(spec).build(),
                Status.Code.INVALID_ARGUMENT, field));
    }

    private void imageFile(String name, String file, byte[] content) {
        json(name, order(write(file, content).toString(), "[\"grayscale\"]"), "image");
    }

    private Path write(String file, byte[] content) {
        try {
            return Files.write(dir.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String order(String image, String tasks) {
        return "{\"image\": " + quoted(image) + ", \"tasks\": " + tasks + "}";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000") + "\"";
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 20) + "...(" + text.length() + " chars)";
    }

    /** Noise compresses badly, so even a small image has data to cut in the middle of. */
    private static byte[] encoded(String format, int width, int height) {
        BufferedImage pixels = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(pixels, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG signature and an IHDR chunk with a correct CRC declaring the given size, and nothing else. */
    private static byte[] pngClaiming(int width, int height) {
        ByteBuffer png = ByteBuffer.allocate(33);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}).putInt(13)
                .put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put(new byte[] {8, 2, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(png.array(), 12, 17);
        return png.putInt((int) crc.getValue()).array();
    }
}

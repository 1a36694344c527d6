package io.rightsize.common.order;

import static io.rightsize.common.order.CorpusCase.accepted;
import static io.rightsize.common.order.CorpusCase.refused;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Orders naming files that must not be read: paths leaving the allowed root, and files that are not whole, sane
 * images. Writes those files under {@code root} (the allowed one) and {@code outside}.
 */
final class InputFileCases {

    private final Path root;
    private final Path outside;
    private final List<CorpusCase> cases = new ArrayList<>();

    private InputFileCases(Path root, Path outside) {
        this.root = root;
        this.outside = outside;
    }

    /** {@code root} must be the validator's only allowed root and the base directory for relative paths. */
    static List<CorpusCase> all(Path root, Path outside, long seed) throws IOException, InterruptedException {
        InputFileCases files = new InputFileCases(root, outside);
        files.paths();
        files.images(new Random(seed));
        return files.cases;
    }

    private void paths() throws IOException, InterruptedException {
        Files.write(root.resolve("in.png"), TestImageBytes.encoded("png", 64, 48));
        Path secret = Files.write(outside.resolve("secret.png"), TestImageBytes.encoded("png", 8, 8));
        Files.createDirectories(root.resolve("sub"));
        Files.write(root.resolve("sub/inner.png"), TestImageBytes.encoded("png", 8, 8));
        Path evil = Files.createDirectories(root.resolveSibling(root.getFileName() + "-evil"));
        Files.write(evil.resolve("x.png"), TestImageBytes.encoded("png", 8, 8));

        for (String ok : List.of("in.png", "./in.png", "sub/../in.png", "in.png/", "sub/inner.png",
                root.resolve("in.png").toString())) {
            cases.add(accepted("image path " + ok, order(ok)));
        }
        Files.createSymbolicLink(root.resolve("link-in.png"), root.resolve("in.png"));
        cases.add(accepted("symlink staying inside the root", order("link-in.png")));

        String up = "../" + outside.getFileName() + "/secret.png";
        for (String bad : List.of(up, "sub/../" + up, secret.toString(), "/etc/passwd", "/etc/hostname",
                "/proc/self/environ", "/dev/zero", "/dev/urandom", "/", "../../../../../../../../etc/passwd",
                "../" + evil.getFileName() + "/x.png", evil.resolve("x.png").toString(),
                "%2e%2e/%2e%2e/%2e%2e/etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "..\\..\\..\\etc\\passwd",
                "~/.ssh/id_rsa", "file:///etc/passwd", "in.png\u0000.txt", "in.png\u0000/../../etc/passwd",
                "no-such.png", ".", "..", "in.png/..", "sub", "", "   ")) {
            cases.add(refused("image path " + bad.replace("\u0000", "\\0"), order(bad), "image"));
        }
        Files.createSymbolicLink(root.resolve("link-out.png"), secret);
        Files.createSymbolicLink(root.resolve("link-passwd"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(root.resolve("linkdir"), outside);
        Files.createSymbolicLink(root.resolve("loop-a.png"), root.resolve("loop-b.png"));
        Files.createSymbolicLink(root.resolve("loop-b.png"), root.resolve("loop-a.png"));
        Files.createSymbolicLink(root.resolve("dangling.png"), root.resolve("gone.png"));
        Files.createSymbolicLink(root.resolve("link-zero.png"), Path.of("/dev/zero"));
        for (String link : List.of("link-out.png", "link-passwd", "linkdir/secret.png", "loop-a.png", "dangling.png",
                "link-zero.png")) {
            cases.add(refused("symlink " + link, order(link), "image"));
        }
        if (new ProcessBuilder("mkfifo", root.resolve("fifo.png").toString()).start().waitFor() == 0) {
            cases.add(refused("named pipe (would block a reader)", order("fifo.png"), "image"));
        }
    }

    private void images(Random random) throws IOException {
        byte[] png = TestImageBytes.encoded("png", 64, 48);
        byte[] jpeg = TestImageBytes.encoded("jpeg", 200, 150);
        byte[] gif = TestImageBytes.encoded("gif", 64, 48);
        byte[] bmp = TestImageBytes.encoded("bmp", 64, 48);

        image("valid PNG", "ok.png", png, true);
        image("valid JPEG", "ok.jpg", jpeg, true);
        image("valid GIF", "ok.gif", gif, true);
        image("valid BMP", "ok.bmp", bmp, true);
        image("PNG named .jpg", "png.jpg", png, true);
        image("PNG with bytes after its end", "tail.png", TestImageBytes.concat(png, new byte[100]), true);
        image("JPEG padded after its end", "tail.jpg", TestImageBytes.concat(jpeg, new byte[100]), true);

        image("text named .png", "notes.png", "not an image at all".getBytes(StandardCharsets.UTF_8), false);
        image("HTML named .jpg", "page.jpg", "<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8), false);
        byte[] noise = new byte[1024];
        random.nextBytes(noise);
        image("random bytes named .png", "noise.png", noise, false);
        byte[] wbmpLike = new byte[64];
        wbmpLike[2] = 16;
        wbmpLike[3] = 16;
        image("zeros that look like a WBMP header", "zeros.png", wbmpLike, false);
        image("real WBMP", "real.wbmp", TestImageBytes.encoded("wbmp", 16, 16), false);
        image("real TIFF", "real.tif", TestImageBytes.encoded("tiff", 16, 16), false);
        image("empty file", "empty.png", new byte[0], false);
        image("PNG signature only", "sig.png", TestImageBytes.cut(png, 8), false);
        Files.createDirectories(root.resolve("dir.png"));
        cases.add(refused("directory named .png", order("dir.png"), "image"));

        for (int length : new int[] {1, 4, 8, 16, 24, 33, 40, png.length / 2, png.length - 12, png.length - 1}) {
            image("PNG cut to " + length + " of " + png.length + " bytes", "cut-" + length + ".png",
                    TestImageBytes.cut(png, length), false);
        }
        for (int length : new int[] {2, 20, 100, 300, jpeg.length / 2, jpeg.length - 2, jpeg.length - 1}) {
            image("JPEG cut to " + length + " of " + jpeg.length + " bytes", "cut-" + length + ".jpg",
                    TestImageBytes.cut(jpeg, length), false);
        }
        for (int length : new int[] {10, gif.length / 2, gif.length - 1}) {
            image("GIF cut to " + length + " of " + gif.length + " bytes", "cut-" + length + ".gif",
                    TestImageBytes.cut(gif, length), false);
        }
        for (int length : new int[] {10, 30, bmp.length / 2, bmp.length - 1}) {
            image("BMP cut to " + length + " of " + bmp.length + " bytes", "cut-" + length + ".bmp",
                    TestImageBytes.cut(bmp, length), false);
        }
        bombs();
    }

    /** Tiny files whose headers claim sizes that would take gigabytes to decode, or no size at all. */
    private void bombs() throws IOException {
        int[][] sizes = {{100_000, 100_000}, {7_072, 7_072}, {Integer.MAX_VALUE, Integer.MAX_VALUE},
                {Integer.MAX_VALUE, 1}, {0, 1}, {1, 0}, {Integer.MIN_VALUE, 10}};
        for (int[] size : sizes) {
            for (boolean withEnd : new boolean[] {false, true}) {
                image("PNG header claiming " + size[0] + "x" + size[1] + (withEnd ? " with IEND" : ""),
                        "bomb-" + size[0] + "x" + size[1] + "-" + withEnd + ".png",
                        TestImageBytes.pngClaiming(size[0], size[1], withEnd), false);
            }
        }
        image("PNG header within limits but no pixel data", "hollow.png",
                TestImageBytes.pngClaiming(7_071, 7_071, true), false);
        image("JPEG frame claiming 65535x65535", "bomb.jpg", TestImageBytes.jpegClaiming(65_535, 65_535), false);
        image("BMP header claiming 100000x100000", "bomb.bmp", TestImageBytes.bmpClaiming(100_000, 100_000), false);
        image("BMP header claiming top-down 100000 rows", "bomb-topdown.bmp",
                TestImageBytes.bmpClaiming(100_000, -100_000), false);
    }

    private void image(String name, String file, byte[] content, boolean valid) throws IOException {
        Files.write(root.resolve(file), content);
        cases.add(valid ? accepted(name, order(file)) : refused(name, order(file), "image"));
    }

    /** Built with Jackson so paths with quotes, backslashes or NUL bytes stay well-formed JSON. */
    private static String order(String image) {
        ObjectNode order = JsonNodeFactory.instance.objectNode().put("image", image);
        order.putArray("tasks").add("grayscale");
        return OrderMutations.write(order);
    }
}

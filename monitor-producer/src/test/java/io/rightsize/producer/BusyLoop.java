package io.rightsize.producer;

/** A stand-in task for tests: holds ~150 MB and keeps one core busy for the given seconds. */
public final class BusyLoop {

    private BusyLoop() {
    }

    public static void main(String[] args) {
        long until = System.currentTimeMillis() + Long.parseLong(args[0]) * 1000;
        byte[][] held = new byte[150][];
        for (int i = 0; i < held.length; i++) {
            held[i] = new byte[1 << 20];
            java.util.Arrays.fill(held[i], (byte) i);
        }
        double x = 0;
        while (System.currentTimeMillis() < until) {
            for (int i = 0; i < 1_000_000; i++) {
                x += Math.sqrt(i + x % 7);
            }
        }
        System.out.println(x + held[held.length - 1][0]);
    }
}

package io.rightsize.cli.command;

import io.rightsize.cli.Home;
import io.rightsize.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The background stack's pid and endpoints, written once it is ready, removed when it stops. */
record StackState(long pid, Map<String, String> endpoints, Instant startedAt) {

    static Path file() {
        return Home.stateDir().resolve("stack.json");
    }

    static Optional<StackState> read() {
        Path file = file();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.read(Files.readString(file), StackState.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void write() {
        try {
            Files.createDirectories(file().getParent());
            Path tmp = file().resolveSibling("stack.json.tmp");
            Files.writeString(tmp, Json.write(this));
            Files.move(tmp, file(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete() {
        try {
            Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean alive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}

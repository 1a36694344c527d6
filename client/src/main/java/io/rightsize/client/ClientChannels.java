package io.rightsize.client;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import io.rightsize.grpc.auth.BearerToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Channels for clients outside Quarkus (the CLI, the desktop client): TLS when {@code RIGHTSIZE_TLS_CA} names the PEM
 * certificate to trust, plain text otherwise (the local stack), and the bearer token from {@code RIGHTSIZE_API_TOKEN}
 * on every call when it is set.
 */
public final class ClientChannels {

    public static final String TLS_CA_ENV = "RIGHTSIZE_TLS_CA";

    private ClientChannels() {
    }

    public static ManagedChannel forTarget(String target) {
        return forTarget(target, Optional.ofNullable(System.getenv(TLS_CA_ENV)).filter(s -> !s.isBlank()).map(Path::of),
                BearerToken.fromEnvironment());
    }

    public static ManagedChannel forTarget(String target, Optional<Path> trustedCa, Optional<String> token) {
        ChannelCredentials credentials;
        try {
            credentials = trustedCa.isPresent()
                    ? TlsChannelCredentials.newBuilder().trustManager(trustedCa.get().toFile()).build()
                    : InsecureChannelCredentials.create();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CA certificate " + trustedCa.get(), e);
        }
        ManagedChannelBuilder<?> builder = Grpc.newChannelBuilder(target, credentials);
        token.ifPresent(t -> builder.intercept(BearerToken.sender(t)));
        return builder.build();
    }
}

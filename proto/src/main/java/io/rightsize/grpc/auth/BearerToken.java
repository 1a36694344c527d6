package io.rightsize.grpc.auth;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The shared API token: servers require {@code authorization: Bearer <token>} on every call when one is configured
 * ({@code rightsize.api.token}, env {@code RIGHTSIZE_API_TOKEN}), and clients send it.
 */
public final class BearerToken {

    /** The environment variable clients outside Quarkus (the CLI, the desktop client) read the token from. */
    public static final String ENV = "RIGHTSIZE_API_TOKEN";
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final String SCHEME = "Bearer ";

    private BearerToken() {
    }

    /** The token from the environment, if one is set and not blank. */
    public static Optional<String> fromEnvironment() {
        return Optional.ofNullable(System.getenv(ENV)).map(String::strip).filter(t -> !t.isEmpty());
    }

    /** Whether the header carries exactly this token; compared in constant time, so timing does not leak it. */
    static boolean matches(String header, String token) {
        if (header == null || !header.startsWith(SCHEME)) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(SCHEME.length()).getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    /** A client interceptor that sends the token on every call. */
    public static ClientInterceptor sender(String token) {
        String header = SCHEME + token;
        return new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options,
                                                         Channel next) {
                return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void start(Listener<R> listener, Metadata headers) {
                        headers.put(AUTHORIZATION, header);
                        super.start(listener, headers);
                    }
                };
            }
        };
    }
}

package io.rightsize.grpc.auth;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Refuses every gRPC call (reflection included) without the configured bearer token with UNAUTHENTICATED; with no
 * token configured (the local demo) it lets every call through.
 */
@GlobalInterceptor
@ApplicationScoped
public class BearerTokenServerInterceptor implements ServerInterceptor {

    private static final Logger LOG = Logger.getLogger(BearerTokenServerInterceptor.class);

    private final Optional<String> token;

    public BearerTokenServerInterceptor(@ConfigProperty(name = "rightsize.api.token") Optional<String> token) {
        this.token = token.map(String::strip).filter(t -> !t.isEmpty());
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        if (token.isEmpty() || BearerToken.matches(headers.get(BearerToken.AUTHORIZATION), token.get())) {
            return next.startCall(call, headers);
        }
        LOG.debugf("refused %s: missing or wrong bearer token", call.getMethodDescriptor().getFullMethodName());
        call.close(Status.UNAUTHENTICATED.withDescription("a valid bearer token is required (authorization: Bearer"
                + " <token>; see RIGHTSIZE_API_TOKEN)"), new Metadata());
        return new ServerCall.Listener<>() {
        };
    }
}

package io.rightsize.grpc.auth;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Service-to-service calls (the orchestrator asking the predictor) carry the same token the services require. */
@GlobalInterceptor
@ApplicationScoped
public class BearerTokenClientInterceptor implements ClientInterceptor {

    private final Optional<ClientInterceptor> sender;

    public BearerTokenClientInterceptor(@ConfigProperty(name = "rightsize.api.token") Optional<String> token) {
        this.sender = token.map(String::strip).filter(t -> !t.isEmpty()).map(BearerToken::sender);
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return sender.isPresent() ? sender.get().interceptCall(method, options, next) : next.newCall(method, options);
    }
}

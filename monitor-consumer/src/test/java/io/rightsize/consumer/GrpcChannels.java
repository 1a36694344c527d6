package io.rightsize.consumer;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import org.eclipse.microprofile.config.ConfigProvider;

/** A plain gRPC channel to the service under test, on the port Quarkus actually bound. */
final class GrpcChannels {

    private GrpcChannels() {
    }

    static ManagedChannel toTestedService() {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        return ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }
}

package io.rightsize.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.rightsize.devstack.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Serves a {@code @QuarkusTest}'s HTTP and gRPC over TLS only, with a fresh self-signed certificate for 127.0.0.1
 * made by the JDK's keytool, and requires the bearer token {@value #TOKEN}. The certificate's PEM is at config key
 * {@value #CA_KEY}, for clients to trust.
 */
public class TlsTokenTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "test-token-1f6c";
    public static final String CA_KEY = "rightsize.test.tls-ca";
    private static final String PASSWORD = "changeit";

    @Override
    public Map<String, String> start() {
        Path dir = Path.of("target", "test-tls-" + UUID.randomUUID()).toAbsolutePath();
        Path keyStore = dir.resolve("server.p12");
        Path ca = dir.resolve("server.pem");
        try {
            Files.createDirectories(dir);
            keytool("-genkeypair", "-alias", "rightsize", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore",
                    keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "rightsize", "-keystore", keyStore.toString(), "-storepass",
                    PASSWORD, "-file", ca.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
        return Map.of(
                "quarkus.http.ssl.certificate.key-store-file", keyStore.toString(),
                "quarkus.http.ssl.certificate.key-store-password", PASSWORD,
                "quarkus.http.insecure-requests", "disabled",
                "quarkus.http.test-ssl-port", Integer.toString(FreePorts.find()),
                "rightsize.api.token", TOKEN,
                CA_KEY, ca.toString());
    }

    @Override
    public void stop() {
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}

package io.rightsize.grpc.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A service refuses to start on the committed placeholder credentials, and only on them. */
class PlaceholderSecretsTest {

    @Test
    void refusesThePlaceholderPasswordAndTokenNamingTheirEnvironmentVariables() {
        Map<String, String> config = Map.of("rightsize.api.token", "REPLACE-ME-before-deploying",
                "quarkus.datasource.password", "replace-me-before-deploying");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PlaceholderSecrets.check(name -> Optional.ofNullable(config.get(name))));

        assertEquals("refusing to start: RIGHTSIZE_API_TOKEN (rightsize.api.token), QUARKUS_DATASOURCE_PASSWORD"
                + " (quarkus.datasource.password) still holds the placeholder REPLACE-ME... from"
                + " kubernetes/base/app/secret.yaml; put real values in the Secrets rightsize-db and rightsize-api"
                + " before deploying (see kubernetes/README.md)", e.getMessage());
    }

    @Test
    void refusesAPlaceholderEvenWhenTheOtherCredentialIsReal() {
        Map<String, String> config = Map.of("rightsize.api.token", "3f9a0c6e1d", "quarkus.datasource.password",
                "REPLACE-ME-before-deploying");

        assertThrows(IllegalStateException.class,
                () -> PlaceholderSecrets.check(name -> Optional.ofNullable(config.get(name))));
    }

    @Test
    void startsWithRealOrAbsentCredentialsAsLocalRunsAndTestsHaveThem() {
        Map<String, String> local = Map.of("quarkus.datasource.password", "postgres");

        assertDoesNotThrow(() -> PlaceholderSecrets.check(name -> Optional.ofNullable(local.get(name))));
        assertDoesNotThrow(() -> PlaceholderSecrets.check(name -> Optional.empty()));
    }
}

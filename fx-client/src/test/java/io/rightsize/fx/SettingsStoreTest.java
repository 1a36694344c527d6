package io.rightsize.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rightsize.client.Endpoints;
import io.rightsize.fx.service.SettingsStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last endpoints are remembered between runs. */
class SettingsStoreTest {

    @Test
    void offersTheDefaultsUntilEndpointsWereSaved(@TempDir Path dir) {
        assertEquals(SettingsStore.DEFAULTS, new SettingsStore(dir.resolve("none.properties")).load());
    }

    @Test
    void remembersTheLastEndpoints(@TempDir Path dir) {
        Path file = dir.resolve("nested/fx-client.properties");
        Endpoints cluster = new Endpoints("orders.example:443", "usage.example:443", "predictor.example:443");
        new SettingsStore(file).save(cluster);
        assertEquals(cluster, new SettingsStore(file).load());
    }
}

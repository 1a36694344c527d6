package io.rightsize.orchestrator.store;

import io.rightsize.allocation.store.StoredUsage;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The allocation policy's reading of the stored samples, on this service's pool, for the fallback heuristic. */
@ApplicationScoped
public class StoredUsageProducer {

    @Produces
    @Singleton
    StoredUsage storedUsage(Pool pool) {
        return new StoredUsage(pool);
    }
}

package io.rightsize.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rightsize.common.messaging.Resource;
import io.rightsize.common.messaging.UsageSample;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A message is read whole or refused as malformed, naming its type: a caller never gets a null message. */
class JsonTest {

    @Test
    void roundTripsAMessage() {
        UsageSample sample = new UsageSample("o", 7, "blur", Resource.CPU_MILLICORES, 12.5,
                Instant.parse("2026-01-01T00:00:00.123Z"));
        assertEquals(sample, Json.read(Json.write(sample), UsageSample.class));
    }

    @Test
    void refusesJsonNullAMissingMessageAndNoContent() {
        assertEquals("UsageSample: the message is JSON null",
                assertThrows(MalformedMessageException.class, () -> Json.read("null", UsageSample.class))
                        .getMessage());
        assertEquals("UsageSample: no content (null message)",
                assertThrows(MalformedMessageException.class, () -> Json.read(null, UsageSample.class))
                        .getMessage());
        assertThrows(MalformedMessageException.class, () -> Json.read("", UsageSample.class));
        assertThrows(MalformedMessageException.class, () -> Json.read("  ", UsageSample.class));
    }
}

package io.rightsize.cli.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryRangeTest {

    @Test
    void theLastStepsEndAtAMultipleOfTheStepBeforeNow() {
        QueryRange range = QueryRange.last(Duration.ofDays(7), Duration.ofMinutes(1), Instant.ofEpochSecond(1_000_059));

        assertEquals(1_000_020, range.endSeconds());
        assertEquals(1_000_020 - 7 * 86_400, range.startSeconds());
        assertEquals(10_081, range.points());
    }

    @Test
    void chunksHoldEveryPointOnceAndNoMoreThanAsked() {
        QueryRange range = new QueryRange(0, 60L * 25_000, 60);

        List<QueryRange> chunks = range.chunks(QueryRange.MAX_POINTS);

        assertEquals(3, chunks.size());
        assertEquals(range.points(), chunks.stream().mapToLong(QueryRange::points).sum());
        assertTrue(chunks.stream().allMatch(c -> c.points() <= QueryRange.MAX_POINTS));
        for (int i = 1; i < chunks.size(); i++) {
            assertEquals(chunks.get(i - 1).endSeconds() + 60, chunks.get(i).startSeconds());
        }
        assertEquals(range.endSeconds(), chunks.get(2).endSeconds());
        assertEquals(List.of(range), range.chunks((int) range.points()));
    }

    @Test
    void refusesAStepOfPartSecondsOrAWindowShorterThanAStep() {
        assertThrows(IllegalArgumentException.class,
                () -> QueryRange.last(Duration.ofDays(1), Duration.ofMillis(1500), Instant.now()));
        assertThrows(IllegalArgumentException.class,
                () -> QueryRange.last(Duration.ofSeconds(30), Duration.ofMinutes(1), Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> new QueryRange(0, 90, 60));
    }
}

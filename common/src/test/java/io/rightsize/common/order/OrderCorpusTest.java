package io.rightsize.common.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated bad-input corpus (fixed seed): every case is refused naming its field, or accepted as decided. */
class OrderCorpusTest {

    private static final long SEED = 20_261_126L;

    @TempDir
    Path workDir;

    @TempDir
    Path outside;

    @Test
    void refusesEveryBadOrderWithItsFieldAndAcceptsOnlyTheValidMutations() throws Exception {
        Path root = Files.createDirectories(workDir.resolve("in"));
        List<CorpusCase> corpus = new ArrayList<>(OrderMutations.all(SEED));
        corpus.addAll(AbsurdOrders.all());
        corpus.addAll(InputFileCases.all(root, outside, SEED));
        OrderParser parser = new OrderParser(OrderLimits.DEFAULT_MAX_JSON_BYTES);
        OrderValidator validator = new OrderValidator(OrderLimits.defaults(List.of(root)));

        List<String> unexpected = new ArrayList<>();
        int[] counts = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (CorpusCase c : corpus) {
                String problem = check(c, parser, validator, root, counts);
                if (problem != null) {
                    unexpected.add(c.name() + ": " + problem);
                }
            }
        });

        System.out.printf("bad-input corpus: %d cases, %d refused, %d accepted, %d unexpected%n",
                corpus.size(), counts[0], counts[1], unexpected.size());
        assertTrue(corpus.size() >= 400, "corpus has " + corpus.size() + " cases");
        assertEquals(List.of(), unexpected);
    }

    /** Null when the case went as decided; counts[0] refusals, counts[1] acceptances. */
    private static String check(CorpusCase c, OrderParser parser, OrderValidator validator, Path root, int[] counts) {
        try {
            validator.validate(parser.parse(c.json()), root);
            counts[1]++;
            return c.outcome() == CorpusCase.Outcome.REFUSED ? "accepted, expected a refusal of " + c.field() : null;
        } catch (OrderValidationException e) {
            counts[0]++;
            if (e.field().isBlank() || e.reason().isBlank()) {
                return "refused without a field or reason: " + e.getMessage();
            }
            return switch (c.outcome()) {
                case ACCEPTED -> "refused: " + e.getMessage();
                case REFUSED -> c.names(e.field()) ? null : "refused naming " + e.getMessage() + ", expected "
                        + c.field();
                case EITHER -> null;
            };
        } catch (RuntimeException | Error e) {
            return "threw " + e;
        }
    }
}

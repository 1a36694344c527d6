package io.rightsize.predictor.model;

import java.util.function.BiConsumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tribuo's SGD trainers report their running training loss only through java.util.logging ("At iteration N,
 * average loss = X"); this handler turns those records into loss-curve points while one candidate trains.
 *
 * <p>Scraped because Tribuo 4.3.2 has no supported hook: {@code Trainer} takes no callback, {@code
 * AbstractSGDTrainer} only logs at its constructor's {@code loggingInterval}, and overriding its protected
 * objective would change the trainer class every saved model's provenance names.
 */
final class LossCapture extends Handler implements AutoCloseable {

    static final String SGD_LOGGER = "org.tribuo.common.sgd.AbstractSGDTrainer";
    private static final Pattern POINT = Pattern.compile("At iteration (\\d+), average loss = ([-+0-9.eE]+|NaN)");

    private final Logger logger = Logger.getLogger(SGD_LOGGER);
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final BiConsumer<Long, Double> points;

    LossCapture(BiConsumer<Long, Double> points) {
        this.points = points;
        setLevel(Level.INFO);
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        Matcher m = POINT.matcher(formatter.formatMessage(record));
        if (m.find()) {
            double loss = Double.parseDouble(m.group(2));
            if (Double.isFinite(loss)) {
                points.accept(Long.parseLong(m.group(1)), loss);
            }
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}

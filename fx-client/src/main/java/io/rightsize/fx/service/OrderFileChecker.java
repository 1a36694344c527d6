package io.rightsize.fx.service;

import io.rightsize.common.order.OrderLimits;
import io.rightsize.common.order.OrderParser;
import io.rightsize.common.order.OrderSpec;
import io.rightsize.common.order.OrderValidationException;
import io.rightsize.common.order.OrderValidator;
import io.rightsize.common.order.TaskRequest;
import io.rightsize.common.order.ValidOrder;
import io.rightsize.common.order.ValidTask;
import io.rightsize.fx.model.OrderFileCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks an order file with the orchestrator's own parser and validator, so a bad file shows its field and
 * reason before anything is sent. Which directories images may come from is the server's to say, so every
 * directory is allowed here.
 */
public final class OrderFileChecker {

    private final OrderParser parser = new OrderParser(OrderLimits.DEFAULT_MAX_JSON_BYTES);
    private final OrderValidator validator;

    public OrderFileChecker() {
        this.validator = new OrderValidator(OrderLimits.defaults(List.of(Path.of("").toAbsolutePath().getRoot())));
    }

    public OrderFileCheck check(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String json;
        try {
            json = Files.readString(absolute, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return OrderFileCheck.refused(absolute, "", "cannot read the file: " + e.getMessage());
        }
        try {
            OrderSpec spec = parser.parse(json);
            ValidOrder order = validator.validate(spec, absolute.getParent());
            return OrderFileCheck.valid(absolute, spec.id(), spec.tasks().stream().map(TaskRequest::name).toList(),
                    order.tasks().stream().map(ValidTask::params).toList(), order.imageInfo().pixels());
        } catch (OrderValidationException e) {
            return OrderFileCheck.refused(absolute, e.field(), e.reason());
        }
    }
}

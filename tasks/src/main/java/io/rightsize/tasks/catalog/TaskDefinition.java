package io.rightsize.tasks.catalog;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A task as the rest of the system sees it: its name, expected resource profile and accepted parameters.
 *
 * @param name        lower-case name used in orders and on the command line
 * @param description one sentence for humans
 * @param profile     the resource the task is expected to consume most
 * @param params      accepted parameters, in the order they are documented
 * @param outputSize  how the output's size follows the input's
 */
public record TaskDefinition(String name, String description, Profile profile, List<ParamSpec> params,
                             OutputSize outputSize) {

    public TaskDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(outputSize, "outputSize");
        params = List.copyOf(params);
        Set<String> seen = new HashSet<>();
        for (ParamSpec spec : params) {
            if (!seen.add(spec.name())) {
                throw new IllegalArgumentException("task '" + name + "': duplicate param '" + spec.name() + "'");
            }
        }
    }

    /**
     * Validates the given parameters and fills in defaults for the missing ones.
     *
     * @param given parameter values from an order or the command line; may be empty
     * @return every parameter of this task, in documented order, unmodifiable
     * @throws InvalidParamException for an unknown parameter, a missing or non-finite value, a value out of range,
     *                               or a fractional value for an integer parameter
     */
    public Map<String, Double> resolveParams(Map<String, Double> given) {
        for (String key : given.keySet()) {
            if (params.stream().noneMatch(spec -> spec.name().equals(key))) {
                throw new InvalidParamException(key, "unknown parameter for task '" + name + "' " + knownParams());
            }
        }
        Map<String, Double> resolved = new LinkedHashMap<>();
        for (ParamSpec spec : params) {
            if (given.containsKey(spec.name())) {
                Double value = given.get(spec.name());
                if (value == null) {
                    throw new InvalidParamException(spec.name(), "has no value");
                }
                spec.validate(value);
                resolved.put(spec.name(), value);
            } else {
                resolved.put(spec.name(), spec.defaultValue());
            }
        }
        return Collections.unmodifiableMap(resolved);
    }

    /** A task whose output has its input's size. */
    public TaskDefinition(String name, String description, Profile profile, List<ParamSpec> params) {
        this(name, description, profile, params, OutputSize.SAME);
    }

    /**
     * The pixels the task holds at once, its input's and its output's, for an input of {@code inputPixels} and
     * these parameters (defaults filled in for any left out): what its memory grows with.
     */
    public long heldPixels(long inputPixels, Map<String, Double> given) {
        Map<String, Double> resolved = new LinkedHashMap<>();
        for (ParamSpec spec : params) {
            resolved.put(spec.name(), given.getOrDefault(spec.name(), spec.defaultValue()));
        }
        return inputPixels + outputSize.pixels(inputPixels, resolved);
    }

    private String knownParams() {
        if (params.isEmpty()) {
            return "(it takes none)";
        }
        return params.stream().map(ParamSpec::name).collect(Collectors.joining(", ", "(known: ", ")"));
    }
}

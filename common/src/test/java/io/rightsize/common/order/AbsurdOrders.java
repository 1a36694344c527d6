package io.rightsize.common.order;

import static io.rightsize.common.order.CorpusCase.accepted;
import static io.rightsize.common.order.CorpusCase.refused;

import java.util.ArrayList;
import java.util.List;

/** Orders that are well-formed JSON in shape but absurd in size, depth, numbers, names or syntax. */
final class AbsurdOrders {

    /** Jackson's own bound on a key's length (StreamReadConstraints); longer keys are malformed documents. */
    private static final int MAX_JSON_NAME_CHARS = 50_000;

    private AbsurdOrders() {
    }

    static List<CorpusCase> all() {
        List<CorpusCase> cases = new ArrayList<>();
        cases.addAll(nesting());
        cases.addAll(hugeStrings());
        cases.addAll(hugeTaskLists());
        cases.addAll(numbers());
        cases.addAll(unknownNames());
        cases.addAll(legacyFields());
        cases.addAll(syntax());
        return cases;
    }

    private static List<CorpusCase> nesting() {
        List<CorpusCase> cases = new ArrayList<>();
        for (int depth : new int[] {2, 10, 100, 500}) {
            cases.add(refused("task nested " + depth + " arrays deep", tasks(nested(depth)), "tasks[0]"));
            cases.add(refused("radius nested " + depth + " arrays deep",
                    param("blur", "radius", nested(depth)), "tasks[0].params.radius"));
        }
        for (int depth : new int[] {2_000, 10_000, 30_000}) {
            cases.add(refused("task nested " + depth + " arrays deep (parser depth limit)", tasks(nested(depth)),
                    "order"));
            cases.add(refused("unknown field nested " + depth + " objects deep",
                    "{\"x\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}", "order"));
        }
        cases.add(refused("65000 open brackets", "[".repeat(65_000), "order"));
        return cases;
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "\"blur\"" + "]".repeat(depth);
    }

    private static List<CorpusCase> hugeStrings() {
        List<CorpusCase> cases = new ArrayList<>();
        for (int length : new int[] {65, 1_000, 60_000}) {
            cases.add(refused("id of " + length + " chars",
                    "{\"id\":\"" + "a".repeat(length) + "\",\"image\":\"in.png\",\"tasks\":[\"blur\"]}", "id"));
            cases.add(refused("task name of " + length + " chars", tasks("\"" + "b".repeat(length) + "\""),
                    "tasks[0].name"));
            boolean parserRefusesName = length > MAX_JSON_NAME_CHARS;
            cases.add(refused("param name of " + length + " chars",
                    tasks("{\"name\":\"blur\",\"params\":{\"" + "r".repeat(length) + "\":1}}"),
                    parserRefusesName ? "order" : "tasks[0].params"));
            cases.add(refused("unknown field of " + length + " chars",
                    "{\"" + "f".repeat(length) + "\":1,\"image\":\"in.png\",\"tasks\":[\"blur\"]}",
                    parserRefusesName ? "order" : length <= 200 ? "f".repeat(length) : "f".repeat(199) + "\u2026"));
        }
        for (int length : new int[] {4_097, 60_000}) {
            cases.add(refused("image path of " + length + " chars", image("a".repeat(length)), "image"));
        }
        cases.add(accepted("id of 64 chars",
                "{\"id\":\"" + "a".repeat(64) + "\",\"image\":\"in.png\",\"tasks\":[\"blur\"]}"));
        cases.add(refused("document over 64 KiB",
                image("in.png").replace("}", ",\"id\":\"" + "a".repeat(70_000) + "\"}"),
                "order"));
        cases.add(refused("id full of escapes", "{\"id\":\"" + "\\u0000".repeat(2_000)
                + "\",\"image\":\"in.png\",\"tasks\":[\"blur\"]}", "id"));
        return cases;
    }

    private static List<CorpusCase> hugeTaskLists() {
        List<CorpusCase> cases = new ArrayList<>();
        cases.add(accepted("32 tasks (the limit)", tasks(OrderMutations.copies(32, "\"grayscale\""))));
        for (int count : new int[] {33, 100, 1_000, 5_000}) {
            cases.add(refused(count + " tasks", tasks(OrderMutations.copies(count, "\"grayscale\"")), "tasks"));
        }
        cases.add(refused("6000 tasks (over the document size)", tasks(OrderMutations.copies(6_000,
                "\"grayscale\"")), "order"));
        cases.add(refused("3000 empty objects", tasks(OrderMutations.copies(3_000, "{}")), "tasks[0].name"));
        cases.add(refused("10000 numbers", tasks(OrderMutations.copies(10_000, "7")), "tasks[0]"));
        return cases;
    }

    private static List<CorpusCase> numbers() {
        List<CorpusCase> cases = new ArrayList<>();
        for (String radius : List.of("\"NaN\"", "\"Infinity\"", "\"3\"", "1e308", "-1e308", "1e309", "-1e309", "-1",
                "0", "-0.0", "51", "3.0000000001", "2.5", "99999999999999999999999", "-99999999999999999999999",
                "4.9e-324", "2147483648", "9223372036854775808", "9".repeat(999))) {
            cases.add(refused("blur radius " + abbreviated(radius), param("blur", "radius", radius),
                    "tasks[0].params.radius"));
        }
        for (String radius : List.of("NaN", "Infinity", "-Infinity", "+3", "03", "0x10", "1e", ".5", "1.", "--1",
                "9".repeat(1_001), "1" + "0".repeat(1_500) + "e-1500")) {
            cases.add(refused("blur radius token " + abbreviated(radius), param("blur", "radius", radius), "order"));
        }
        for (String[] ok : new String[][] {{"blur", "radius", "1"}, {"blur", "radius", "50"}, {"blur", "radius", "3.0"},
                {"blur", "radius", "1E1"}, {"resize", "scale", "0.1"}, {"resize", "scale", "4"},
                {"rotate", "degrees", "-360"}, {"sharpen", "amount", "4.9e-324"}, {"sobel", "threshold", "255"}}) {
            cases.add(accepted(ok[0] + " " + ok[1] + " " + ok[2], param(ok[0], ok[1], ok[2])));
        }
        for (String[] bad : new String[][] {{"resize", "scale", "0.09"}, {"resize", "scale", "1e10"},
                {"rotate", "degrees", "360.5"}, {"median", "radius", "9"}, {"sobel", "threshold", "-1e-300"}}) {
            cases.add(refused(bad[0] + " " + bad[1] + " " + bad[2], param(bad[0], bad[1], bad[2]),
                    "tasks[0].params." + bad[1]));
        }
        return cases;
    }

    private static List<CorpusCase> unknownNames() {
        List<CorpusCase> cases = new ArrayList<>();
        for (String task : List.of("teleport", "", " blur", "blur ", "BLUR", "Blur", "blur\\u0000", "../blur",
                "grayscale;rm -rf /", "$(reboot)", "\\u00e9blur", "__proto__")) {
            cases.add(refused("unknown task '" + task + "'", tasks("\"" + task + "\""), "tasks[0].name"));
        }
        cases.add(refused("unknown param colour", param("blur", "colour", "1"), "tasks[0].params.colour"));
        cases.add(refused("param of another task", param("grayscale", "radius", "3"), "tasks[0].params.radius"));
        cases.add(refused("param __proto__", param("blur", "__proto__", "1"), "tasks[0].params.__proto__"));
        cases.add(refused("param with empty name", param("blur", "", "1"), "tasks[0].params."));
        cases.add(refused("task field priority", tasks("{\"name\":\"blur\",\"priority\":1}"), "tasks[0].priority"));
        cases.add(refused("order field priority", "{\"priority\":1,\"image\":\"in.png\",\"tasks\":[\"blur\"]}",
                "priority"));
        cases.add(refused("field differing in case", "{\"Image\":\"in.png\",\"tasks\":[\"blur\"]}", "Image"));
        return cases;
    }

    private static List<CorpusCase> legacyFields() {
        List<CorpusCase> cases = new ArrayList<>();
        cases.add(accepted("numeric orderID", "{\"orderID\":42,\"image\":\"in.png\",\"required_tasks\":[\"blur\"]}"));
        cases.add(accepted("30-digit orderID", "{\"orderID\":" + "1".repeat(30)
                + ",\"image\":\"in.png\",\"required_tasks\":[\"blur\"]}"));
        cases.add(refused("70-digit orderID", "{\"orderID\":" + "1".repeat(70)
                + ",\"image\":\"in.png\",\"tasks\":[\"blur\"]}", "id"));
        cases.add(refused("negative orderID", "{\"orderID\":-5,\"image\":\"in.png\",\"tasks\":[\"blur\"]}", "id"));
        cases.add(refused("fractional orderID", "{\"orderID\":1.5,\"image\":\"in.png\",\"tasks\":[\"blur\"]}",
                "orderID"));
        cases.add(refused("id and orderID",
                "{\"id\":\"a\",\"orderID\":\"b\",\"image\":\"in.png\",\"tasks\":[\"blur\"]}",
                "orderID"));
        cases.add(refused("tasks and required_tasks",
                "{\"image\":\"in.png\",\"tasks\":[\"blur\"],\"required_tasks\":[\"blur\"]}", "required_tasks"));
        cases.add(refused("required_tasks not an array", "{\"image\":\"in.png\",\"required_tasks\":\"blur\"}",
                "required_tasks"));
        return cases;
    }

    private static List<CorpusCase> syntax() {
        List<CorpusCase> cases = new ArrayList<>();
        String valid = OrderMutations.VALID;
        for (String root : List.of("null", "true", "1", "\"order\"", "[]", "[" + valid + "]", " ", "\n\t")) {
            cases.add(refused("document is " + root.strip(), root, "order"));
        }
        cases.add(refused("trailing text", valid + "x", "order"));
        cases.add(refused("two objects", valid + valid, "order"));
        cases.add(refused("trailing comma", valid.replace("]}", "],}"), "order"));
        cases.add(refused("single quotes", valid.replace('"', '\''), "order"));
        cases.add(refused("unquoted keys", valid.replace("\"id\":", "id:"), "order"));
        cases.add(refused("comment", "/* hi */" + valid, "order"));
        cases.add(refused("byte order mark", "\uFEFF" + valid, "order"));
        cases.add(refused("raw control character in a string", valid.replace("corpus-1", "corpus\u0001"), "order"));
        cases.add(refused("unpaired surrogate escape in image", image("\\ud800.png"), "image"));
        cases.add(accepted("pretty-printed", valid.replace(",", ",\n  ").replace("{", "{\n  ")));
        cases.add(accepted("escaped key and value", valid.replace("\"id\"", "\"\\u0069d\"").replace("in.png",
                "\\u0069n.png")));
        return cases;
    }

    private static String tasks(String task) {
        return tasks(List.of(task));
    }

    private static String tasks(List<String> tasks) {
        return OrderMutations.withTasks("in.png", tasks);
    }

    private static String param(String task, String name, String value) {
        return tasks("{\"name\":\"" + task + "\",\"params\":{\"" + name + "\":" + value + "}}");
    }

    private static String image(String path) {
        return "{\"image\":\"" + path + "\",\"tasks\":[\"blur\"]}";
    }

    private static String abbreviated(String text) {
        return text.length() <= 30 ? text : text.substring(0, 10) + "...(" + text.length() + " chars)";
    }
}

package io.rightsize.predictor.nativeimage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.devstack.nativeimage.ReflectionRegistrations;
import io.rightsize.predictor.features.FeatureSpace;
import io.rightsize.predictor.features.UsageRow;
import io.rightsize.predictor.model.GeneratedUsage;
import io.rightsize.predictor.model.candidate.Candidate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Native readiness without native-image: the metadata's JSON types are registered, and so is every class that a saved
 * model of each candidate names in its protobuf file, which Tribuo loads by reflection.
 */
class NativeImageRegistrationsTest {

    private static final Pattern CLASS_NAME =
            Pattern.compile("(?:org\\.tribuo|com\\.oracle\\.labs\\.mlrg\\.olcut|ml\\.dmlc)(?:\\.[A-Za-z0-9_$]+)+");

    @Test
    void registersTheMetadataTypesAndEverythingTheyHold() throws Exception {
        ReflectionRegistrations.assertCompleteForJson(NativeImageRegistrations.class, Path.of("src/main/java"));
    }

    @Test
    void registersEveryClassASavedModelOfEachCandidateNames(@TempDir Path dir) throws Exception {
        List<UsageRow> rows = GeneratedUsage.orders(4, 3);
        FeatureSpace features = new FeatureSpace(rows.stream().map(UsageRow::service).collect(Collectors.toSet()),
                List.of());
        MutableDataset<Regressor> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("native check", new RegressionFactory()), new RegressionFactory());
        rows.forEach(row -> data.add(features.example(row, row.inputPixels(), row.value() / 1e6)));
        Set<String> registered = ReflectionRegistrations.registered(NativeImageRegistrations.class);

        Set<String> missing = new TreeSet<>();
        for (Candidate candidate : Candidate.values()) {
            Model<Regressor> model = candidate.trainer(1, 1000).train(data);
            Path file = dir.resolve(candidate.algorithm() + ".tribuo");
            model.serializeToFile(file);
            Matcher m = CLASS_NAME.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            while (m.find()) {
                String name = m.group();
                if (isClass(name) && !registered.contains(name)) {
                    missing.add(name);
                }
            }
            assertTrue(Model.deserializeFromFile(file).validate(Regressor.class), candidate.algorithm());
        }
        assertTrue(missing.isEmpty(), "not registered for reflection: " + String.join(",\n", missing));
    }

    private static boolean isClass(String name) {
        try {
            Class.forName(name, false, NativeImageRegistrationsTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}

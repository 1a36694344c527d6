package io.rightsize.layering;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;

/** The layers, each as a rule over compiled classes: what may use what across the modules. */
final class LayeringRules {

    /** Each service's packages (orchestrator, predictor, monitor-consumer, monitor-producer). */
    static final List<String> SERVICES = List.of("io.rightsize.orchestrator", "io.rightsize.predictor",
            "io.rightsize.consumer", "io.rightsize.producer");
    /** What devstack-testing holds: test scope only, so nothing that ships may need it. */
    static final String[] TEST_SUPPORT = {"io.rightsize.devstack.testing..", "io.rightsize.devstack.manifests..",
        "io.rightsize.devstack.nativeimage.."};

    static final ArchRule SERVICES_NEVER_IMPORT_EACH_OTHER = slices().assignedFrom(new ServiceSlices())
            .should().notDependOnEachOther()
            .because("services talk over gRPC and Kafka, so each deploys and changes alone");

    static final ArchRule CLIENTS_REACH_SERVICES_ONLY_OVER_GRPC = noClasses()
            .that().resideInAnyPackage("io.rightsize.fx..", "io.rightsize.cli..")
            .should().dependOnClassesThat().resideInAnyPackage(servicePackages())
            .because("the desktop client and the CLI reach the services through rightsize-client and the"
                    + " rightsize.v1 messages, as any remote client would");

    static final ArchRule DESKTOP_CLIENT_DOES_NOT_NEED_THE_CLI = noClasses()
            .that().resideInAPackage("io.rightsize.fx..")
            .should().dependOnClassesThat().resideInAPackage("io.rightsize.cli..")
            .because("what both need is in rightsize-client");

    static final ArchRule CLIENT_LIBRARY_STANDS_ALONE = noClasses()
            .that().resideInAPackage("io.rightsize.client..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(servicePackages(), "io.rightsize.devstack..",
                    "io.rightsize.cli..", "io.rightsize.fx..", "picocli..", "javafx.."))
            .because("any program, a service included, may call the services with it");

    static final ArchRule TASKS_STAND_ALONE = noClasses()
            .that().resideInAPackage("io.rightsize.tasks..")
            .should().dependOnClassesThat(resideInAPackage("io.rightsize..")
                    .and(resideOutsideOfPackage("io.rightsize.tasks..")))
            .because("a task runs as its own process, in its own container image, with nothing else of ours");

    static final ArchRule TEST_SUPPORT_STAYS_IN_TESTS = noClasses()
            .that().resideOutsideOfPackages(TEST_SUPPORT)
            .should().dependOnClassesThat().resideInAnyPackage(TEST_SUPPORT)
            .because("devstack-testing is a test-scope dependency: a shipped class that needs it would fail");

    static final List<ArchRule> ALL = List.of(SERVICES_NEVER_IMPORT_EACH_OTHER, CLIENTS_REACH_SERVICES_ONLY_OVER_GRPC,
            DESKTOP_CLIENT_DOES_NOT_NEED_THE_CLI, CLIENT_LIBRARY_STANDS_ALONE, TASKS_STAND_ALONE,
            TEST_SUPPORT_STAYS_IN_TESTS);

    private LayeringRules() {
    }

    private static String[] servicePackages() {
        return SERVICES.stream().map(p -> p + "..").toArray(String[]::new);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    /** One slice per service, named by its package; every other class is left out. */
    private static final class ServiceSlices implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return SERVICES.stream().filter(p -> name.equals(p) || name.startsWith(p + "."))
                    .findFirst().map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
        }

        @Override
        public String getDescription() {
            return "the services";
        }
    }
}

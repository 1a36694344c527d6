package io.rightsize.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.devstack.service.ServiceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentOptionsTest {

    @Test
    void aCapacityReadsAsOnTheCommandLine() {
        assertEquals(new ExperimentCapacity(2000, 3L << 30), ExperimentCapacity.parse("cpu=2,memory=3Gi"));
        assertEquals(new ExperimentCapacity(1500, 512L << 20), ExperimentCapacity.parse("memory=512Mi, cpu=1500m"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExperimentCapacity.parse("cpu=2"))
                .getMessage().contains("needs both cpu and memory"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExperimentCapacity.parse("gpu=1,cpu=1"))
                .getMessage().contains("unknown resource 'gpu'"));
    }

    @Test
    void armsAreTheDefaultTheModelAndTheRecommenders() {
        assertEquals(List.of(new Arm("default"), new Arm("vpa"), new Arm("rightsize-ml")),
                Arm.parse("default, vpa,rightsize-ml"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Arm.parse("vpa,gke"));
        assertTrue(unknown.getMessage().startsWith("unknown arm 'gke'; known: default, rightsize-ml"),
                unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Arm.parse("vpa,vpa"));
    }

    @Test
    void eachArmConfiguresItsStack() {
        ExperimentCapacity capacity = new ExperimentCapacity(2000, 3L << 30);

        var vpa = new Arm("vpa").jvmOptions(capacity);
        assertEquals(List.of("-Drightsize.predictor.recommender=vpa"), vpa.get(ServiceKind.PREDICTOR));
        assertTrue(vpa.get(ServiceKind.ORCHESTRATOR).contains("-Drightsize.orchestrator.capacity.cpu=2000m"));
        var fixed = new Arm("default").jvmOptions(capacity);
        assertTrue(fixed.get(ServiceKind.PREDICTOR).contains("-Drightsize.allocation.min-history-runs="
                + Integer.MAX_VALUE));
        assertTrue(!new Arm("default").learns() && new Arm("rightsize").learns());
    }

    @Test
    void theModelArmNeedsATrainingWorkload() {
        assertThrows(IllegalArgumentException.class, () -> new ExperimentPlan(4, 0, 1,
                new ExperimentCapacity(2000, 3L << 30), List.of(new Arm("rightsize-ml"))));
    }
}

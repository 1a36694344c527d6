package io.rightsize.orchestrator.nativeimage;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.rightsize.common.messaging.Allocation;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.common.messaging.TaskEventType;

/** The JSON message types Jackson reads and writes by reflection, which a native image must keep. */
@RegisterForReflection(targets = {TaskEvent.class, TaskEventType.class, Allocation.class})
public final class NativeImageRegistrations {

    private NativeImageRegistrations() {
    }
}

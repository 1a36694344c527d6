package io.rightsize.consumer.nativeimage;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.rightsize.common.messaging.Resource;
import io.rightsize.common.messaging.SamplingGap;
import io.rightsize.common.messaging.UsageSample;

/** The JSON message types Jackson reads and writes by reflection, which a native image must keep. */
@RegisterForReflection(targets = {UsageSample.class, Resource.class, SamplingGap.class})
public final class NativeImageRegistrations {

    private NativeImageRegistrations() {
    }
}

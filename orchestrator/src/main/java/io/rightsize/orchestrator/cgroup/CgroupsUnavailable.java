package io.rightsize.orchestrator.cgroup;

/** Why task cgroups cannot be made here, in words a user can act on; the orchestrator then emulates or refuses. */
public class CgroupsUnavailable extends Exception {
    public CgroupsUnavailable(String reason) {
        super(reason);
    }
}

package io.rightsize.tasks.catalog;

/** The resource a task mostly consumes, so a first allocation can be guessed before anything is measured. */
public enum Profile {
    /** A small, fixed amount of work per pixel and memory near the image's size. */
    LIGHT,
    /** Work per pixel that grows with a parameter (a kernel's or window's area); memory near the image's size. */
    CPU_HEAVY,
    /** Holds several full-size floating-point copies of an output larger than the input. */
    MEMORY_HEAVY
}

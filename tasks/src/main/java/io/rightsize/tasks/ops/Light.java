package io.rightsize.tasks.ops;

/**
 * Whether plane values are gamma-encoded sRGB (0..255) or linear light (0..1). Resampling averages light, so the
 * geometric operations work in linear light; filters that mimic how images look work on encoded values.
 */
enum Light {
    ENCODED,
    LINEAR
}

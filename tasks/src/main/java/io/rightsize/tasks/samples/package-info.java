/**
 * Generates the sample images in {@code examples/images} from fixed seeds, so the demo inputs can be rebuilt
 * exactly instead of being trusted as opaque binaries.
 */
package io.rightsize.tasks.samples;

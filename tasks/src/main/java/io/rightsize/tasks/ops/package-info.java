/**
 * The image operations, written on plain arrays so their CPU and memory cost is what the algorithm costs.
 *
 * <p>Every operation runs on the calling thread only: the point of these tasks is to show a distinct, repeatable
 * resource profile per task. Operations read the image as opaque RGB (any alpha is ignored) and return an opaque
 * RGB image, except {@code rotate}, whose enlarged canvas has transparent corners.
 */
package io.rightsize.tasks.ops;

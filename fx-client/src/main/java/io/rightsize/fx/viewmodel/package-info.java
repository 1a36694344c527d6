/**
 * Observable state the views bind to. Each view-model runs its slow work on a background executor and applies
 * results on the FX thread with {@code Platform.runLater}.
 */
package io.rightsize.fx.viewmodel;

/** JavaFX nodes only: layouts, tables and charts bound to the view-models; no gRPC here. */
package io.rightsize.fx.view;

/** Usage traces: per (service, resource) time series, read from the long-format CSV that backtests take. */
package io.rightsize.allocation.trace;

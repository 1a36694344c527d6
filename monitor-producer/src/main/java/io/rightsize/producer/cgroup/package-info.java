/**
 * Reading a container's resource counters from its cgroup files (v2 unified, v1 per controller) into the snapshots
 * the sampler turns into samples: the way to follow a task pod at one-second resolution, which metrics-server's
 * scrape interval (15 s and more) cannot give.
 */
package io.rightsize.producer.cgroup;

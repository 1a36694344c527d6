#!/usr/bin/env bash
# Builds native executables of the Quarkus services with GraalVM/Mandrel.
#   ./native-build.sh           native executables (needs GRAALVM_HOME, or docker/podman for a builder container)
#   ./native-build.sh --check   native readiness only: Quarkus's native analysis without native-image
set -euo pipefail
cd "$(dirname "$0")"

SERVICES="orchestrator,monitor-producer,monitor-consumer"
# The predictor passes the native analysis too, with its Tribuo and Jackson registrations (see its
# nativeimage.NativeImageRegistrations), but XGBoost's JNI library and JFreeChart's AWT text under native-image have
# never run, so its image stays JVM; --check covers it.
CHECKED="$SERVICES,predictor"
NATIVE=(-Dquarkus.native.enabled=true -Dquarkus.package.jar.enabled=false -DskipTests)

container_tool() {
  local tool
  for tool in docker podman; do
    if command -v "$tool" >/dev/null 2>&1 && "$tool" info >/dev/null 2>&1; then
      echo "$tool"
      return 0
    fi
  done
  return 1
}

if [[ "${1:-}" == "--check" ]]; then
  mvn -B -pl "$CHECKED" -am package "${NATIVE[@]}" -Dquarkus.native.sources-only=true
  echo "native analysis passed for: $CHECKED (sources in */target/native-sources)"
  exit 0
fi

if [[ -n "${GRAALVM_HOME:-}" ]]; then
  echo "building native executables with $GRAALVM_HOME/bin/native-image"
  mvn -B -pl "$SERVICES" -am package "${NATIVE[@]}"
elif tool="$(container_tool)"; then
  echo "GRAALVM_HOME is not set; building in a Mandrel builder container with $tool"
  mvn -B -pl "$SERVICES" -am package "${NATIVE[@]}" -Dquarkus.native.container-build=true \
    -Dquarkus.native.container-runtime="$tool"
else
  cat >&2 <<'MSG'
Cannot build native executables here: native-image is needed, and neither is available:
  - GRAALVM_HOME pointing at a GraalVM or Mandrel distribution (with native-image), or
  - a running docker or podman engine, to build inside quay.io/quarkus/ubi9-quarkus-mandrel-builder-image.
Install one of them and re-run. To check native readiness without native-image: ./native-build.sh --check
MSG
  exit 2
fi
ls -l */target/*-runner 2>/dev/null || true

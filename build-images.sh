#!/usr/bin/env bash
# Builds (and optionally pushes) the container images the Kubernetes manifests use.
#
#   ./build-images.sh [--push] [--registry REG] [--tag TAG] [--native] [--dry-run] <image|all>
#
#   image       orchestrator | monitor-consumer | monitor-producer | predictor | tasks | all
#   --native    native images (rightsize/<svc>-native, built by ./native-build.sh) instead of JVM ones
#               (rightsize/<svc>-jvm); only orchestrator, monitor-consumer and monitor-producer have one.
#               With `all` it builds the prod overlay's set: those three native, predictor-jvm and tasks.
#   --push      push each image after building it
#   --registry  prefix for the image names, e.g. ghcr.io/acme -> ghcr.io/acme/rightsize/orchestrator-jvm:TAG
#   --tag       image tag (default 0.1.0, the tag in kubernetes/overlays/*/kustomization.yaml)
#   --dry-run   print the commands without running them (needs neither docker/podman nor Maven)
#
# Names: rightsize/<svc>-jvm and rightsize/<svc>-native as in kubernetes/overlays/{dev,prod}, and rightsize/tasks,
# the task image of rightsize.orchestrator.kubernetes.task-image (kubernetes/base/app/configmaps.yaml).
# Uses docker, or podman when docker is absent or its engine is not running. Exits 2 when a needed tool is missing.
set -euo pipefail
cd "$(dirname "$0")"

SERVICES=(orchestrator monitor-consumer monitor-producer predictor)
NATIVE_SERVICES=(orchestrator monitor-consumer monitor-producer)
ALL=("${SERVICES[@]}" tasks)

usage() {
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
}

die_usage() {
  echo "build-images.sh: $1" >&2
  usage >&2
  exit 1
}

contains() {
  local needle="$1" item
  shift
  for item in "$@"; do
    [[ "$item" == "$needle" ]] && return 0
  done
  return 1
}

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

push=false
native=false
dry_run=false
registry=""
tag="0.1.0"
target=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --push) push=true ;;
    --native) native=true ;;
    --dry-run) dry_run=true ;;
    --registry)
      [[ $# -ge 2 && -n "$2" ]] || die_usage "--registry needs a value"
      registry="${2%/}"
      shift ;;
    --registry=*) registry="${1#--registry=}"; registry="${registry%/}" ;;
    --tag)
      [[ $# -ge 2 && -n "$2" ]] || die_usage "--tag needs a value"
      tag="$2"
      shift ;;
    --tag=*) tag="${1#--tag=}" ;;
    -h|--help) usage; exit 0 ;;
    -*) die_usage "unknown option $1" ;;
    *)
      [[ -z "$target" ]] || die_usage "one image (or all) at a time, got '$target' and '$1'"
      target="$1" ;;
  esac
  shift
done
[[ -n "$target" ]] || die_usage "which image? one of: ${ALL[*]} all"
[[ -n "$tag" ]] || die_usage "empty --tag"

if [[ "$target" == all ]]; then
  images=("${ALL[@]}")
elif contains "$target" "${ALL[@]}"; then
  images=("$target")
  if $native && ! contains "$target" "${NATIVE_SERVICES[@]}"; then
    die_usage "'$target' has no native image (native: ${NATIVE_SERVICES[*]}); build it without --native"
  fi
else
  die_usage "unknown image '$target'; one of: ${ALL[*]} all"
fi

# Per image: the Dockerfile and the name; which of them come from ./native-build.sh, which from a JVM build.
jvm_modules=()
native_modules=()
for image in "${images[@]}"; do
  if $native && contains "$image" "${NATIVE_SERVICES[@]}"; then
    native_modules+=("$image")
  else
    jvm_modules+=("$image")
  fi
done

image_ref() {  # module kind(jvm|native|task)
  local name
  case "$2" in
    task) name="rightsize/tasks" ;;
    *) name="rightsize/$1-$2" ;;
  esac
  echo "${registry:+$registry/}$name:$tag"
}

dockerfile() {  # module kind
  case "$2" in
    task) echo "$1/src/main/docker/Dockerfile" ;;
    *) echo "$1/src/main/docker/Dockerfile.$2" ;;
  esac
}

run() {
  echo "+ $*"
  $dry_run || "$@"
}

# Tools first, so a missing engine is reported before minutes of Maven.
if $dry_run; then
  tool="$(container_tool || echo docker)"
else
  if ! tool="$(container_tool)"; then
    cat >&2 <<'MSG'
build-images.sh: no container engine: neither `docker info` nor `podman info` works here.
Install docker or podman (and start its engine/daemon), or see the commands with --dry-run.
MSG
    exit 2
  fi
  if [[ ${#jvm_modules[@]} -gt 0 ]] && ! command -v mvn >/dev/null 2>&1; then
    echo "build-images.sh: mvn (Maven) is not on PATH; it builds the jars the images copy." >&2
    exit 2
  fi
fi

# Build the artifacts: one Maven run for the JVM ones, native-build.sh (all native services at once) for the rest.
if [[ ${#native_modules[@]} -gt 0 ]]; then
  run ./native-build.sh
fi
if [[ ${#jvm_modules[@]} -gt 0 ]]; then
  pl="$(IFS=,; echo "${jvm_modules[*]}")"
  run mvn -B -q -pl "$pl" -am package -DskipTests
fi

built=()
for image in "${images[@]}"; do
  if contains "$image" "${native_modules[@]+"${native_modules[@]}"}"; then
    kind=native
    if ! $dry_run; then
      # COPY target/*-runner needs exactly one runner (a stale one from another version would break it).
      runners=("$image"/target/*-runner)
      if [[ ${#runners[@]} -ne 1 || ! -f "${runners[0]}" ]]; then
        echo "build-images.sh: expected exactly one $image/target/*-runner, found: ${runners[*]}" >&2
        exit 1
      fi
    fi
  elif [[ "$image" == tasks ]]; then
    kind=task
  else
    kind=jvm
  fi
  ref="$(image_ref "$image" "$kind")"
  run "$tool" build -f "$(dockerfile "$image" "$kind")" -t "$ref" "$image"
  built+=("$ref")
done

if $push; then
  for ref in "${built[@]}"; do
    run "$tool" push "$ref"
  done
fi

if $dry_run; then
  echo "(dry run: nothing was built or pushed)"
else
  printf 'built%s:\n' "$($push && echo ' and pushed')"
  printf '  %s\n' "${built[@]}"
fi

#!/usr/bin/env bash
# Start-up and scale benchmark for poolcalc (issue 6). Prints Markdown for BENCHMARKS.md.
#
#   bench/startup.sh               build, then measure (about 4 minutes on 2 cores)
#   bench/startup.sh --no-build    measure what is already in target/
#   bench/startup.sh --quick       only the start-up table
#   RUNS=50 bench/startup.sh       runs per command (default 30)
#
# Every time is a median of RUNS runs, and every ratio is to a bare JVM running a trivial Hello
# class in the same run. Times with hyperfine (Debian package `hyperfine`, installed with
# apt-get when missing and run as root), or else with a plain loop. Commands that the jar does
# not have yet (e.g. check) are skipped. Progress goes to stderr, the report to stdout.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."

runs=${RUNS:-30}
build=1
quick=0
for arg in "$@"; do
  case $arg in
    --no-build) build=0 ;;
    --quick) quick=1 ;;
    -h | --help) sed -n '2,12p' "$0" && exit 0 ;;
    *) echo "bench/startup.sh: unknown option $arg (try --help)" >&2 && exit 2 ;;
  esac
done

java=java
javac=javac
jar=jar
if [ -n "${JAVA_HOME:-}" ]; then
  java=$JAVA_HOME/bin/java
  javac=$JAVA_HOME/bin/javac
  jar=$JAVA_HOME/bin/jar
fi
root=$(pwd -P)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

note() { echo "bench: $*" >&2; }

if ((build)); then
  note "building (mvn -B -q -DskipTests package)"
  mvn -B -q -DskipTests package >&2
fi
if [ ! -x target/poolcalc ] || [ ! -f target/poolcalc.jar ]; then
  echo "bench/startup.sh: target/poolcalc is missing; run without --no-build" >&2
  exit 2
fi

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    note "installing $1 with apt-get"
    apt-get install -y -qq "$1" >/dev/null 2>&1 ||
      { apt-get update -qq && apt-get install -y -qq "$1"; } >/dev/null 2>&1 || true
  fi
}
command -v hyperfine >/dev/null || apt_install hyperfine
[ -x /usr/bin/time ] || apt_install time
if command -v hyperfine >/dev/null; then
  timer=$(hyperfine --version)
else
  timer="a shell loop (hyperfine not found)"
fi

# The bare JVM: the floor every Java command pays.
mkdir -p "$work/hello"
echo 'public class Hello { public static void main(String[] a) { System.out.println("hi"); } }' \
  >"$work/hello/Hello.java"
"$javac" -d "$work/hello" "$work/hello/Hello.java"

declare -A median mean sd
# measure KEY RUNS COMMAND...: median, mean and standard deviation in milliseconds.
measure() {
  local key=$1 n=$2
  shift 2
  note "timing $key ($n runs): $*"
  if command -v hyperfine >/dev/null; then
    hyperfine -N --style none --warmup 3 --runs "$n" --export-csv "$work/one.csv" \
      -- "$(printf '%q ' "$@")" >/dev/null
    read -r "median[$key]" "mean[$key]" "sd[$key]" < <(tail -n 1 "$work/one.csv" |
      awk -F, '{ printf "%.1f %.1f %.1f\n", $(NF-4) * 1000, $(NF-6) * 1000, $(NF-5) * 1000 }')
  else
    local i start
    : >"$work/times"
    for ((i = 0; i < 3; i++)); do "$@" >/dev/null 2>&1 || true; done
    for ((i = 0; i < n; i++)); do
      start=$EPOCHREALTIME
      "$@" >/dev/null 2>&1 || true
      echo "$start $EPOCHREALTIME" >>"$work/times"
    done
    read -r "median[$key]" "mean[$key]" "sd[$key]" < <(awk '{ print ($2 - $1) * 1000 }' "$work/times" |
      sort -n | awk '{ t[NR] = $1; s += $1; q += $1 * $1 }
        END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
              v = q / NR - (s / NR) ^ 2; printf "%.1f %.1f %.1f\n", m, s / NR, sqrt(v > 0 ? v : 0) }')
  fi
}
ratio() { awk -v a="${median[$1]}" -v b="${median[bare]}" 'BEGIN { printf "%.1f×", a / b }'; }
row() { # row KEY LABEL
  printf '| %s | %s ms | %s ± %s ms | %s |\n' "$2" "${median[$1]}" "${mean[$1]}" "${sd[$1]}" "$(ratio "$1")"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
example=examples/production.yaml
commands=(plan --help)
if "$java" -jar target/poolcalc.jar --help | grep -qE '^  check( |$)'; then
  commands=(plan check --help)
else
  note "this jar has no check command yet: skipping it"
fi
args_for() { if [ "$1" = --help ]; then echo --help; else echo "$1 $example"; fi; }

measure bare "$runs" "$java" -cp "$work/hello" Hello
for c in "${commands[@]}"; do
  # shellcheck disable=SC2046
  measure "launcher $c" "$runs" target/poolcalc $(args_for "$c")
done
for c in "${commands[@]}"; do
  # shellcheck disable=SC2046
  measure "jar $c" "$runs" "$java" -jar target/poolcalc.jar $(args_for "$c")
done

if ((!quick)); then
  # Each lever on its own, for plan on the production example. The launcher's own options are
  # -XX:SharedArchiveFile=target/poolcalc.jsa -Xshare:auto -XX:TieredStopAtLevel=1, and its
  # classes are compiled with -XDstringConcat=inline; POOLCALC_JAVA_OPTS adds options after.
  abs_jar=$root/target/poolcalc.jar
  plan=(plan "$root/$example")
  note "building the levers' variants: a dynamic archive, and classes with invokedynamic concat"
  "$java" -XX:ArchiveClassesAtExit="$work/dynamic.jsa" -jar "$abs_jar" "${plan[@]}" \
    >/dev/null 2>&1
  mkdir -p "$work/indy/classes"
  find src/main/java -name '*.java' >"$work/indy/sources"
  "$javac" -nowarn -encoding UTF-8 --release 17 -cp target/poolcalc.jar \
    -d "$work/indy/classes" "@$work/indy/sources"
  cp target/poolcalc.jar target/poolcalc "$work/indy/"
  (cd "$work/indy/classes" && "$jar" uf ../poolcalc.jar dev)
  # Trained like the build's archive, so it holds what invokedynamic concatenation needs.
  trained=0
  for training in "${plan[*]}" "${plan[*]} --format json" "--help"; do
    trained=$((trained + 1))
    # shellcheck disable=SC2086
    "$java" -XX:DumpLoadedClassList="$work/indy/$trained.classlist" \
      -jar "$work/indy/poolcalc.jar" $training >/dev/null
  done
  sort -u "$work"/indy/*.classlist >"$work/indy/poolcalc.lst"
  "$java" -Xshare:dump -XX:SharedClassListFile="$work/indy/poolcalc.lst" \
    -XX:SharedArchiveFile="$work/indy/poolcalc.jsa" -cp "$work/indy/poolcalc.jar" >/dev/null 2>&1

  measure none "$runs" "$java" -Xshare:off -jar "$abs_jar" "${plan[@]}"
  measure dynamic "$runs" "$java" -XX:SharedArchiveFile="$work/dynamic.jsa" -jar "$abs_jar" "${plan[@]}"
  measure static "$runs" "$java" -XX:SharedArchiveFile="$root/target/poolcalc.jsa" -jar "$abs_jar" "${plan[@]}"
  measure c1 "$runs" "$java" -XX:TieredStopAtLevel=1 -jar "$abs_jar" "${plan[@]}"
  measure indy "$runs" "$work/indy/poolcalc" "${plan[@]}"
  for opts in -XX:+UseSerialGC -XX:-UsePerfData -Xint; do
    POOLCALC_JAVA_OPTS=$opts measure "launcher $opts" "$runs" target/poolcalc "${plan[@]}"
  done
  measure version "$runs" target/poolcalc --version
  "$java" -XX:SharedArchiveFile="$root/target/poolcalc.jsa" -Xshare:auto -XX:TieredStopAtLevel=1 \
    -Xlog:class+load:file="$work/classes.txt" -jar "$abs_jar" "${plan[@]}" >/dev/null
  classes_total=$(wc -l <"$work/classes.txt")
  classes_shared=$(grep -c 'shared objects file' "$work/classes.txt" || true)

  # Scale: a generated file with 10,000 apps through the launcher.
  bench/generate-deployment.sh 10000 >"$work/apps-10000.yaml"
  scale_runs=$(((runs + 2) / 3))
  measure "scale table" "$scale_runs" target/poolcalc plan "$work/apps-10000.yaml"
  measure "scale json" "$scale_runs" target/poolcalc plan "$work/apps-10000.yaml" --format json
  declare -A rss
  for format in table json; do
    rss[$format]=unknown
    if [ -x /usr/bin/time ]; then
      rss[$format]=$(for _ in 1 2 3; do
        /usr/bin/time -f '%M' target/poolcalc plan "$work/apps-10000.yaml" --format "$format" \
          2>&1 >/dev/null | tail -n 1
      done | sort -n | tail -n 1 | awk '{ printf "%.0f", $1 / 1024 }')
    fi
  done
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

# The report.
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)
jdk=$("$java" -version 2>&1 | sed -n 2p)
echo "### Machine"
echo
echo "- $(nproc) cores ($cpu), $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) memory"
echo "- JDK: $jdk"
echo "- kernel $(uname -r); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- load average (1, 5, 15 min): $load_before before, $load_after after"
echo "- timer: $timer, $runs runs per command after 3 warm-up runs"
echo
echo "### Start-up"
echo
echo "| Command | Median | Mean ± σ | × bare JVM |"
echo "|---|---:|---:|---:|"
row bare "\`java Hello\` (bare JVM)"
for c in "${commands[@]}"; do row "launcher $c" "\`target/poolcalc $(args_for "$c")\`"; done
for c in "${commands[@]}"; do
  row "jar $c" "\`java -jar target/poolcalc.jar $(args_for "$c")\`"
done
if ((quick)); then
  exit 0
fi
echo
echo "### Levers, each on its own (\`plan $example\`)"
echo
echo "| Lever | Command | Median | Mean ± σ | × bare JVM |"
echo "|---|---|---:|---:|---:|"
lever() { # lever KEY WHAT COMMAND
  printf '| %s | %s | %s ms | %s ± %s ms | %s |\n' "$2" "$3" "${median[$1]}" "${mean[$1]}" \
    "${sd[$1]}" "$(ratio "$1")"
}
lever none "no class-data sharing at all" "\`java -Xshare:off -jar …\`"
lever "jar plan" "JDK's default CDS archive only" "\`java -jar …\`"
lever dynamic "dynamic AppCDS archive (-XX:ArchiveClassesAtExit)" "\`java -XX:SharedArchiveFile=dynamic.jsa -jar …\`"
lever static "static AppCDS archive (the build's)" "\`java -XX:SharedArchiveFile=target/poolcalc.jsa -jar …\`"
lever c1 "C1 only" "\`java -XX:TieredStopAtLevel=1 -jar …\`"
lever indy "launcher, classes with javac's default invokedynamic concat" "\`target/poolcalc …\` (other build)"
lever "launcher plan" "**launcher: static archive + C1 + inline concat**" "\`target/poolcalc …\`"
for opts in -XX:+UseSerialGC -XX:-UsePerfData -Xint; do
  lever "launcher $opts" "launcher + $opts" "\`POOLCALC_JAVA_OPTS=$opts target/poolcalc …\`"
done
lever version "floor: picocli alone, no YAML" "\`target/poolcalc --version\`"
echo
echo "Classes loaded by \`plan\` through the launcher: $classes_total, $classes_shared of them from the archive."
echo
echo "### 10,000 apps (\`bench/generate-deployment.sh 10000\`, through the launcher)"
echo
echo "| Command | Median | Beyond start-up | Peak RSS |"
echo "|---|---:|---:|---:|"
for format in table json; do
  beyond=$(awk -v a="${median[scale $format]}" -v b="${median[launcher plan]}" \
    'BEGIN { printf "%.0f", a - b }')
  printf '| `plan apps-10000.yaml --format %s` | %s ms | %s ms | %s MiB |\n' "$format" \
    "${median[scale $format]}" "$beyond" "${rss[$format]}"
done
echo
echo "Beyond start-up = median minus the median of \`target/poolcalc plan $example\` above;"
echo "peak RSS is the largest of 3 runs (\`/usr/bin/time\`, maximum resident set size)."

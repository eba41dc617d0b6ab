#!/usr/bin/env bash
# Start-up and scale benchmark for poolcalc (issue 6). Prints Markdown for BENCHMARKS.md.
#
#   bench/startup.sh               build, then measure (about 4 minutes on 2 cores)
#   bench/startup.sh --no-build    measure what is already in target/
#   bench/startup.sh --quick       only the start-up table
#   RUNS=50 bench/startup.sh       runs per command (default 30)
#
# Every time is a median, and every ratio is to a bare JVM running a trivial Hello class in the
# same run. The commands take turns, one run each per round, so load from elsewhere falls on all
# of them alike. Each run is timed by hyperfine (Debian package `hyperfine`, installed with
# apt-get when missing and run as root), or else by the shell. Commands the jar does not have
# yet (e.g. check) are skipped. Progress goes to stderr, the report to stdout.
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
    -h | --help) sed -n '2,13p' "$0" && exit 0 ;;
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
  timer="the shell's clock (hyperfine not found)"
fi

# The bare JVM: the floor every Java command pays.
mkdir -p "$work/hello"
echo 'public class Hello { public static void main(String[] a) { System.out.println("hi"); } }' \
  >"$work/hello/Hello.java"
"$javac" -d "$work/hello" "$work/hello/Hello.java"

example=examples/production.yaml
commands=(plan --help)
if "$java" -jar target/poolcalc.jar --help | grep -qE '^  check( |$)'; then
  commands=(plan check --help)
else
  note "this jar has no check command yet: skipping it"
fi
args_for() { if [ "$1" = --help ]; then echo --help; else echo "$1 $example"; fi; }

# The commands to time, by key; "every" says how often (1: every round, 3: every third).
keys=()
declare -A command every
add() { # add KEY EVERY COMMAND...
  keys+=("$1")
  every[$1]=$2
  command[$1]=$(printf '%q ' "${@:3}")
}
add bare 1 "$java" -cp "$work/hello" Hello
for c in "${commands[@]}"; do
  # shellcheck disable=SC2046
  add "launcher $c" 1 target/poolcalc $(args_for "$c")
done
for c in "${commands[@]}"; do
  # shellcheck disable=SC2046
  add "jar $c" 1 "$java" -jar target/poolcalc.jar $(args_for "$c")
done

lever_opts=(-XX:+UsePerfData -XX:+UseSerialGC -Xint
  "-XX:+UnlockDiagnosticVMOptions -XX:-BytecodeVerificationRemote")
if ((!quick)); then
  # Each lever on its own, for plan on the production example. The launcher runs java with
  # -XX:SharedArchiveFile=target/poolcalc.jsa -Xshare:auto -XX:TieredStopAtLevel=1
  # -XX:-UsePerfData, on classes compiled with -XDstringConcat=inline; POOLCALC_JAVA_OPTS adds
  # options after its own (so -XX:+UsePerfData turns that one back on).
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

  add none 1 "$java" -Xshare:off -jar "$abs_jar" "${plan[@]}"
  add dynamic 1 "$java" -XX:SharedArchiveFile="$work/dynamic.jsa" -jar "$abs_jar" "${plan[@]}"
  add static 1 "$java" -XX:SharedArchiveFile="$root/target/poolcalc.jsa" -jar "$abs_jar" "${plan[@]}"
  add c1 1 "$java" -XX:TieredStopAtLevel=1 -jar "$abs_jar" "${plan[@]}"
  add indy 1 "$work/indy/poolcalc" "${plan[@]}"
  # env adds one small exec to these rows; the env row with no options shows how much.
  add "launcher env" 1 env target/poolcalc "${plan[@]}"
  for opts in "${lever_opts[@]}"; do
    add "launcher $opts" 1 env POOLCALC_JAVA_OPTS="$opts" target/poolcalc "${plan[@]}"
  done
  add version 1 target/poolcalc --version

  # Scale: a generated file with 10,000 apps through the launcher.
  bench/generate-deployment.sh 10000 >"$work/apps-10000.yaml"
  add "scale table" 3 target/poolcalc plan "$work/apps-10000.yaml"
  add "scale json" 3 target/poolcalc plan "$work/apps-10000.yaml" --format json
fi

# time_once KEY: one run of the command, its wall time in milliseconds appended to its file.
mkdir -p "$work/times"
time_once() {
  local file
  file="$work/times/$(printf '%s' "$1" | tr -c 'A-Za-z0-9' _)"
  if command -v hyperfine >/dev/null; then
    hyperfine -N --style none --runs 1 --export-csv "$work/one.csv" -- "${command[$1]}" >/dev/null
    tail -n 1 "$work/one.csv" | awk -F, '{ printf "%.2f\n", $(NF-4) * 1000 }' >>"$file"
  else
    local start
    start=$EPOCHREALTIME
    eval "${command[$1]}" >/dev/null 2>&1
    echo "$start $EPOCHREALTIME" | awk '{ printf "%.2f\n", ($2 - $1) * 1000 }' >>"$file"
  fi
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
for ((round = -2; round < runs; round++)); do
  note "round $((round + 1)) of $runs"
  for key in "${keys[@]}"; do
    if ((round % every[$key] == 0)); then
      time_once "$key"
    fi
  done
  if ((round < 0)); then # warm-up rounds: fill the page cache, then forget
    rm -f "$work"/times/*
  fi
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

declare -A median mean sd
for key in "${keys[@]}"; do
  read -r "median[$key]" "mean[$key]" "sd[$key]" < <(sort -n \
    "$work/times/$(printf '%s' "$key" | tr -c 'A-Za-z0-9' _)" |
    awk '{ t[NR] = $1; s += $1; q += $1 * $1 }
      END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
            v = q / NR - (s / NR) ^ 2
            printf "%.1f %.1f %.1f\n", m, s / NR, sqrt(v > 0 ? v : 0) }')
done
ratio() { awk -v a="${median[$1]}" -v b="${median[bare]}" 'BEGIN { printf "%.1f×", a / b }'; }
row() { # row KEY LABEL...: a table row with the key's median, mean ± σ and ratio
  local key=$1
  shift
  printf '| %s ' "$@"
  printf '| %s ms | %s ± %s ms | %s |\n' "${median[$key]}" "${mean[$key]}" "${sd[$key]}" \
    "$(ratio "$key")"
}

# The report.
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)
memory=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
echo "### Machine"
echo
echo "- $(nproc) cores ($cpu), $memory memory"
echo "- JDK: $("$java" -version 2>&1 | sed -n 2p)"
echo "- kernel $(uname -r); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- load average (1, 5, 15 min): $load_before before, $load_after after"
echo "- timer: $timer; $runs rounds after 2 warm-up rounds, the commands taking turns"
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

"$java" -XX:SharedArchiveFile="$root/target/poolcalc.jsa" -Xshare:auto -XX:TieredStopAtLevel=1 \
  -Xlog:class+load:file="$work/classes.txt" -jar "$abs_jar" "${plan[@]}" >/dev/null
classes_total=$(wc -l <"$work/classes.txt")
classes_shared=$(grep -c 'shared objects file' "$work/classes.txt" || true)
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

echo
echo "### Levers, each on its own (\`plan $example\`)"
echo
echo "| Lever | Command | Median | Mean ± σ | × bare JVM |"
echo "|---|---|---:|---:|---:|"
row none "no class-data sharing at all" "\`java -Xshare:off -jar …\`"
row "jar plan" "the JDK's default CDS archive only" "\`java -jar …\`"
row dynamic "dynamic AppCDS archive" "\`java -XX:SharedArchiveFile=dynamic.jsa -jar …\`"
row static "static AppCDS archive (the build's)" \
  "\`java -XX:SharedArchiveFile=target/poolcalc.jsa -jar …\`"
row c1 "C1 only" "\`java -XX:TieredStopAtLevel=1 -jar …\`"
row indy "launcher, javac's default invokedynamic concat" "\`target/poolcalc …\` (other build)"
row "launcher plan" "**launcher: static archive + C1 + no perf data + inline concat**" \
  "\`target/poolcalc …\`"
row "launcher env" "launcher through env (baseline for the rows below)" "\`env target/poolcalc …\`"
for opts in "${lever_opts[@]}"; do
  row "launcher $opts" "launcher + $opts" "\`env POOLCALC_JAVA_OPTS='$opts' target/poolcalc …\`"
done
row version "floor: picocli, no YAML" "\`target/poolcalc --version\`"
echo
echo "Classes loaded by \`plan\` through the launcher: $classes_total, $classes_shared of them"
echo "from the archive."
echo
echo "### 10,000 apps (\`bench/generate-deployment.sh 10000\`, through the launcher)"
echo
echo "| Command | Median | Mean ± σ | Beyond start-up | Peak RSS |"
echo "|---|---:|---:|---:|---:|"
for format in table json; do
  beyond=$(awk -v a="${median[scale $format]}" -v b="${median[launcher plan]}" \
    'BEGIN { printf "%.0f", a - b }')
  printf '| `plan apps-10000.yaml --format %s` | %s ms | %s ± %s ms | %s ms | %s MiB |\n' \
    "$format" "${median[scale $format]}" "${mean[scale $format]}" "${sd[scale $format]}" \
    "$beyond" "${rss[$format]}"
done
echo
echo "$(((runs + 2) / 3)) runs each. Beyond start-up = median minus the median of"
echo "\`target/poolcalc plan $example\`; peak RSS is the largest of 3 runs (\`/usr/bin/time\`)."

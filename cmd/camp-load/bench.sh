#!/usr/bin/env bash
# The camp's benchmarks, all in one place. Not run by CI: they take minutes
# and want a quiet machine. Figures go to docs/PERFORMANCE.md.
#
#   cmd/camp-load/bench.sh go [COUNT]      Go benchmarks of the hot paths (views, session renderer, store, sanitiser),
#                                          COUNT runs each (default 8), summarised by benchstat
#   cmd/camp-load/bench.sh load [N...]     the SSH load: for each N (default 500 1000) a fresh
#                                          `camp serve` on loopback and `camp-load --sessions N`
#   cmd/camp-load/bench.sh abuse           the SSH-layer attacks (camp-load --abuse) against a fresh
#                                          `camp serve`, its RSS sampled from /proc; about 80 s
#   cmd/camp-load/bench.sh all             go and load
#
# Output goes to $BENCH_OUT (default $TMPDIR/camp-bench, outside the work
# tree): *.bench files benchstat reads, load-N.json, and the server's log of
# each load run. Compare two runs with: benchstat old/tui.bench new/tui.bench
#
# Environment: CAMP_LOAD_PORT (default 2399), CAMP_LOAD_FLAGS (extra
# camp-load flags, e.g. "--rate 50 --rounds 10"), BENCHSTAT (the benchstat
# command; default: benchstat on PATH, else go run golang.org/x/perf/cmd/benchstat@latest).
#
# Arrivals at another rate, or a terminal that answers queries, each run in
# its own output directory (load-N.json is named by size only):
#
#   BENCH_OUT=/tmp/camp-bench-300 CAMP_LOAD_FLAGS="--rate 300" cmd/camp-load/bench.sh load 1000 2000
#   BENCH_OUT=/tmp/camp-bench-answers CAMP_LOAD_FLAGS="--answer-queries" cmd/camp-load/bench.sh load 1000
set -euo pipefail
cd "$(dirname "$0")/../.."

out=${BENCH_OUT:-${TMPDIR:-/tmp}/camp-bench}
mkdir -p "$out"
echo "results in $out" >&2

benchstat() {
  if [ -n "${BENCHSTAT:-}" ]; then $BENCHSTAT "$@"
  elif command -v benchstat >/dev/null; then command benchstat "$@"
  else go run golang.org/x/perf/cmd/benchstat@latest "$@"; fi
}

go_benchmarks() {
  local count=${1:-8}
  # name:package pairs; each package's benchmarks run on their own.
  for spec in tui:./tui/ sshapp:./tui/sshapp/ store:./store/ sanitize:./schedule/sanitize/; do
    local name=${spec%%:*} pkg=${spec#*:}
    echo "== go benchmarks: $pkg (-count $count)" >&2
    go test -run '^$' -bench . -benchmem -count "$count" "$pkg" | tee "$out/$name.bench" >/dev/null
    benchstat "$out/$name.bench"
  done
}

load_runs() {
  local sizes=("$@")
  [ ${#sizes[@]} -gt 0 ] || sizes=(500 1000)
  local port=${CAMP_LOAD_PORT:-2399}
  tmp=$(mktemp -d) # not local: the EXIT trap removes it
  server_pid=
  trap 'if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi; rm -rf "$tmp"' EXIT
  go build -o "$tmp/camp" ./cmd/camp
  go build -o "$tmp/camp-load" ./cmd/camp-load
  # An organiser key for the test, and the example schedule with room for
  # the crowd. At its peak camp-load holds N terminal sessions and opens N
  # proposals at once (one more session on each attendee's connection), plus
  # the organiser's terminal and one command: 2N + 2 sessions. The default
  # cap of 2,000 would refuse most of them at N = 1,000; 11,000 fits
  # camp-load's largest crowd (5,000 -> 10,002) with room to spare.
  ssh-keygen -q -t ed25519 -N '' -C camp-load -f "$tmp/organiser"
  sed -e 's/^# sessions = 2000 .*/sessions = 11000/' schedule.example.toml > "$tmp/load.toml"
  grep -q '^sessions = 11000' "$tmp/load.toml" || { echo "bench.sh: schedule.example.toml no longer has the '# sessions = 2000' line to raise" >&2; exit 1; }
  "$tmp/camp" check "$tmp/load.toml" >/dev/null
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true # one socket per session
  for n in "${sizes[@]}"; do
    rm -rf "$tmp/data" && mkdir "$tmp/data"
    echo "== SSH load: $n sessions (server log: $out/server-$n.log)" >&2
    # A rehearsal clock at 10:02 GMT on the camp's day: the first talks
    # block is on, so the run can put a talk live.
    CAMP_DATA="$tmp/data" "$tmp/camp" serve --listen "127.0.0.1:$port" --organiser-key "$tmp/organiser.pub" \
      --schedule "$tmp/load.toml" --now 2026-03-28T10:02:00Z >"$out/server-$n.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 50); do
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
      sleep 0.1
    done
    # shellcheck disable=SC2086 # CAMP_LOAD_FLAGS is a list of flags
    "$tmp/camp-load" --addr "127.0.0.1:$port" --organiser-key "$tmp/organiser" --sessions "$n" \
      --out "$out/load-$n.json" ${CAMP_LOAD_FLAGS:-} || echo "camp-load $n: it counted errors (see above)" >&2
    kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
    server_pid=
  done
}

abuse_run() {
  local port=${CAMP_LOAD_PORT:-2399}
  tmp=$(mktemp -d) # not local: the EXIT trap removes it
  server_pid=
  trap 'if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi; rm -rf "$tmp"' EXIT
  go build -o "$tmp/camp" ./cmd/camp
  go build -o "$tmp/camp-load" ./cmd/camp-load
  ssh-keygen -q -t ed25519 -N '' -C camp-load -f "$tmp/organiser"
  mkdir "$tmp/data"
  echo "== SSH abuse (server log: $out/server-abuse.log)" >&2
  CAMP_DATA="$tmp/data" "$tmp/camp" serve --listen "127.0.0.1:$port" --organiser-key "$tmp/organiser.pub" \
    --schedule schedule.example.toml --now 2026-03-28T10:02:00Z >"$out/server-abuse.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
  done
  # shellcheck disable=SC2086 # CAMP_LOAD_FLAGS is a list of flags
  "$tmp/camp-load" --addr "127.0.0.1:$port" --organiser-key "$tmp/organiser" --abuse --pid "$server_pid" \
    --out "$out/abuse.json" ${CAMP_LOAD_FLAGS:-} || echo "camp-load --abuse: an update was late or an error was counted (see above)" >&2
  kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
  server_pid=
}

case "${1:-go}" in
  go) shift || true; go_benchmarks "$@" ;;
  load) shift; load_runs "$@" ;;
  abuse) abuse_run ;;
  all) go_benchmarks; load_runs ;;
  *) sed -n '2,25p' "$0"; exit 2 ;;
esac

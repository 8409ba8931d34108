#!/usr/bin/env bash
# The CPU seconds a command costs, every process it starts included (detached ones too: Chromium, the
# tmux server), measured in a cpuacct cgroup of its own (cgroup v1, root). Per-file figures come with it:
# the cgroup is named in DRILL_TEST_CPU, so a `vitest run` also writes test/artifacts/cpu-per-file.jsonl
# (see cpu-per-file.ts). Timings on a shared machine are noise; these are the figures to compare.
#   test/tools/cpu-of.sh web npx vitest run --project web
set -u
name="drill-cpu-$1"
shift
dir="/sys/fs/cgroup/cpuacct/$name"
if [ -d "$dir" ]; then
  for sub in "$dir"/*/; do rmdir "$sub" 2>/dev/null; done
  rmdir "$dir"
fi
mkdir "$dir"
start=$(date +%s.%N)
bash -c 'echo $$ > "$1/cgroup.procs"; shift; exec "$@"' _ "$dir" env DRILL_TEST_CPU="$name" "$@"
code=$?
end=$(date +%s.%N)
awk -v cpu="$(cat "$dir/cpuacct.usage")" -v s="$start" -v e="$end" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
  -v n="$name" 'BEGIN { printf "%s: %.1f s CPU, %.1f s wall, load average %s\n", n, cpu / 1e9, e - s, load }'
exit $code

# Shared by bench/run and bench/vs-hugo (sourced, from the repository's root): the published binary, the generated
# sites and the median. Expects $work (an absolute folder) to be set.

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# /usr/bin/time, installed when missing.
need_time() {
  if [ ! -x /usr/bin/time ]; then
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time
  fi
}

# The timed thing is what the tool package installs on linux-x64: the Release program published for linux-x64, which
# Timeline.Cli.csproj compiles ahead of time to native code (Native AOT); a plain Release publish, compiled as it runs,
# when that cannot be made here (no gcc or clang, or the compiler's packages cannot be restored). Sets $timeline and
# $compiled (what was timed, for the report).
publish_timeline() {
  local publish="$work/publish"
  rm -rf "$publish"
  compiled="native (Native AOT, as the linux-x64 tool package)"
  if ! dotnet publish src/Timeline.Cli -c Release -r linux-x64 -o "$publish" >"$work/publish.log" 2>&1; then
    compiled="no: compiled as it runs (the native program could not be made; see $work/publish.log)"
    rm -rf "$publish"
    dotnet publish src/Timeline.Cli -c Release -p:PublishAot=false -o "$publish" >>"$work/publish.log" 2>&1
  fi
  timeline="$publish/timeline"
}

build_generator() {
  dotnet build bench/SiteGenerator -c Release -o "$work/generator" >"$work/generator.log" 2>&1
  generator_version="$(sha256sum bench/SiteGenerator/Program.cs | cut -c1-16)"
}

# generate_site N: the generated site of N events in $work/sites/N, made again only when the generator changed.
generate_site() {
  local site="$work/sites/$1"
  if [ "$(cat "$site/.generated" 2>/dev/null)" != "$generator_version" ]; then
    echo "Generating $1 events into $site ..." >&2
    "$work/generator/site-generator" "$1" "$site"
    echo "$generator_version" >"$site/.generated"
  fi
}

# median of the numbers on standard input
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# 1000 -> 1,000
thousands() { echo "$1" | sed -E ':a; s/([0-9])([0-9]{3})($|,)/\1,\2\3/; ta'; }

# How fast fresh memory is here: 1 GB, then 10 GB, written into tmpfs and freed, in GB/s. On a virtual machine whose
# host lends it memory, the second can be ten times slower than the first: past what the host keeps at hand, every
# page goes through the host, and a 100,000-event build (about 9.5 GB at its peak, output on tmpfs) is then slowed
# far more than a 10,000-event one (docs/benchmarks.md). Only where /dev/shm has room and the memory is free.
memory_probe() {
  local dir=/dev/shm file available_gb result=""
  [ -d "$dir" ] && [ -w "$dir" ] || { echo "no tmpfs to probe"; return 0; }
  file="$dir/timeline-bench-probe.$$"
  available_gb=$(awk '/MemAvailable/ { printf "%d", $2 / 1048576 }' /proc/meminfo)
  for gb in 1 10; do
    if [ "$available_gb" -lt $((gb + 4)) ] || [ "$(df -k --output=avail "$dir" | tail -1)" -lt $(((gb + 1) * 1048576)) ]; then
      result="$result${result:+, }$gb GB: not enough free memory"
      continue
    fi
    local start end
    start=$(date +%s.%N)
    dd if=/dev/zero of="$file" bs=16M count=$((gb * 64)) status=none
    rm -f "$file"
    end=$(date +%s.%N)
    result="$result${result:+, }$gb GB in $(awk -v s="$start" -v e="$end" -v g="$gb" 'BEGIN { printf "%.2f s (%.2f GB/s)", e - s, g / (e - s) }')"
  done
  echo "$result"
}

# Whether this machine hands memory back to a host, which makes fresh memory slow (see memory_probe): a virtio balloon
# that reports freed pages (feature bit 5, VIRTIO_BALLOON_F_REPORTING), and DAMON paging out memory left idle.
memory_host() {
  local found="" features state
  for features in /sys/bus/virtio/drivers/virtio_balloon/*/features; do
    [ -r "$features" ] && [ "$(cut -c6 "$features")" = 1 ] && found="freed pages are reported to the host (virtio balloon)"
  done
  for state in /sys/kernel/mm/damon/admin/kdamonds/*/state; do
    [ -r "$state" ] && [ "$(cat "$state")" = on ] && found="$found${found:+; }DAMON is on (it pages out memory left idle)"
  done
  echo "${found:-no virtio balloon reporting freed pages, no DAMON}"
}

# scale_ratios SMALL LARGE: the median wall, user and system time of the runs in file LARGE against those in SMALL (lines
# of /usr/bin/time "%e %U %S ..."); nothing when either is empty. User time is the program's own work; system time
# also holds the kernel filling fresh pages, which is where a host lending memory shows (see memory_probe).
scale_ratios() {
  [ -s "$1" ] && [ -s "$2" ] || return 0
  local column ratios="" at name a b
  for column in "1 wall" "2 user CPU" "3 system CPU"; do
    at="${column%% *}"; name="${column#* }"
    a=$(awk -v c="$at" '{ print $c }' "$1" | median)
    b=$(awk -v c="$at" '{ print $c }' "$2" | median)
    ratios="$ratios${ratios:+, }$name $(awk -v a="$a" -v b="$b" 'BEGIN { if (a > 0) printf "%.1f", b / a; else print "n/a" }') ($b s against $a s)"
  done
  echo "$ratios"
}

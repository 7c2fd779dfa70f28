#!/usr/bin/env bash
# Benchmark (SPEC section 9): a release `partnerbook build` of N synthetic
# partners beside, in the same run, Hugo rendering the same Markdown documents
# (one page each, trivial layout), the cmark-gfm CLI on the same Markdown
# bytes, and `cp -r` of the finished output (the disk's floor for writing
# those bytes in that many files). Prints each step and the SPEC's ratios.
#
# usage: Benchmarks/run.sh [N ...]        (default: 1000 10000)
# Needs: hugo, cmark-gfm, GNU time (Debian: apt-get install hugo cmark-gfm time).
# Work goes to Benchmarks/.work (ignored by git). Not part of CI.
#
# ext4 is slow to allocate inodes for about a minute after many were freed
# (it skips recently deleted ones), so the script waits SETTLE seconds
# (default 60) after removing big trees, and waits for a build's background
# removal of its previous output before timing the next step.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
work="$PWD/Benchmarks/.work"
settle="${SETTLE:-60}"
mkdir -p "$work"

for tool in hugo cmark-gfm /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (Debian: apt-get install hugo cmark-gfm time)" >&2; exit 2; }
done
swift build -c release --product partnerbook >/dev/null
pb="$PWD/.build/release/partnerbook"

# measure NAME COMMAND...: wall seconds and peak RSS (MB) from GNU time.
measure() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/$name.log" || { cat "$work/$name.log" >&2; exit 1; }
  read -r secs kb < "$work/time.txt"
  echo "$secs $((kb / 1024))"
}
# quiet DIR...: wait for background removals beside the output, then settle.
quiet() {
  while compgen -G "$work/.output-*.trash-*" >/dev/null; do sleep 2; done
  sync; sleep "$settle"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
share() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f%%", 100 * a / b; else print "-" }'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v + 0 <= t + 0) ? "met" : "not met" }'; }
# within A B T: whether A / B <= T, on the unrounded quotient.
within() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { print (b > 0 && a / b <= t) ? "met" : "not met" }'; }

results="$work/results.txt"
: > "$results"
for n in "${sizes[@]}"; do
  content="$work/content-$n"; output="$work/output-$n"; site="$work/hugo-$n"; floor="$work/floor-$n"
  rm -rf "$content" "$output" "$site" "$floor" "$work/.output-$n".*
  python3 Benchmarks/generate.py "$n" "$content" >/dev/null
  quiet

  read -r check_s check_mb < <(measure check "$pb" check --content "$content" --quiet)
  read -r full_s full_mb < <(measure full "$pb" build --content "$content" --output "$output" --quiet)
  files=$(find "$output" -type f | wc -l)
  bytes_mb=$(du -sm --apparent-size "$output" | cut -f1)
  disk_mb=$(du -sm "$output" | cut -f1)
  quiet
  # The floor: the same bytes in the same files, copied by cp.
  read -r floor_s floor_mb < <(measure floor cp -r "$output" "$floor")
  quiet
  read -r same_s same_mb < <(measure nochange "$pb" build --content "$content" --output "$output" --quiet)
  sed -i 's/^summary: "/summary: "Edited. /' "$content/partners/partner-00000.yaml"
  read -r one_s one_mb < <(measure onechanged "$pb" build --content "$content" --output "$output" --quiet)
  quiet

  # The same Markdown documents, as a Hugo site with one page per document.
  mkdir -p "$site/content" "$site/layouts/_default"
  printf 'baseURL = "http://example.invalid/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n[markup.goldmark.renderer]\nunsafe = false\n' > "$site/hugo.toml"
  echo '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>' > "$site/layouts/_default/single.html"
  echo '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</body></html>' > "$site/layouts/_default/list.html"
  (cd "$output" && find partners program -name '*.md' -print0 | xargs -0 cp --parents -t "$site/content")
  docs=$(find "$site/content" -name '*.md' | wc -l)
  md_mb=$(du -sm --apparent-size "$site/content" | cut -f1)
  quiet
  read -r hugo_s hugo_mb < <(measure hugo hugo --source "$site" --destination "$site/public" --quiet)

  # The cmark-gfm CLI on the same Markdown bytes (files batched per process by xargs).
  read -r cmark_s cmark_mb < <(measure cmark sh -c "find '$site/content' -name '*.md' -print0 | xargs -0 cmark-gfm -e table -e strikethrough -e autolink -e tasklist -e tagfilter > /dev/null")

  {
    printf '\nN = %s partners: %s output files, %s MB of bytes, %s MB on disk; %s Markdown documents (%s MB)\n' \
      "$n" "$files" "$bytes_mb" "$disk_mb" "$docs" "$md_mb"
    printf '%-36s %9s %8s\n' "step" "seconds" "peak MB"
    printf '%-36s %9s %8s\n' "partnerbook check" "$check_s" "$check_mb"
    printf '%-36s %9s %8s\n' "partnerbook build (full)" "$full_s" "$full_mb"
    printf '%-36s %9s %8s\n' "build, nothing changed" "$same_s" "$same_mb"
    printf '%-36s %9s %8s\n' "build, one partner changed" "$one_s" "$one_mb"
    printf '%-36s %9s %8s\n' "cp -r of the output (floor)" "$floor_s" "$floor_mb"
    printf '%-36s %9s %8s\n' "hugo, same documents" "$hugo_s" "$hugo_mb"
    printf '%-36s %9s %8s\n' "cmark-gfm CLI, same Markdown" "$cmark_s" "$cmark_mb"
    printf '%-36s %9s %12s %s\n' "ratio" "value" "target" ""
    printf '%-36s %9s %12s %s\n' "build / hugo" "$(ratio "$full_s" "$hugo_s")" "<= 0.8" "$(within "$full_s" "$hugo_s" 0.8)"
    printf '%-36s %9s %12s %s\n' "build / cmark-gfm" "$(ratio "$full_s" "$cmark_s")" "<= 3" "$(within "$full_s" "$cmark_s" 3)"
    printf '%-36s %9s %12s %s\n' "build / cp -r floor" "$(ratio "$full_s" "$floor_s")" "<= 1.5" "$(within "$full_s" "$floor_s" 1.5)"
    printf '%-36s %9s %12s %s\n' "nothing changed / full" "$(share "$same_s" "$full_s")" "< 2%" "$(within "$same_s" "$full_s" 0.02)"
    printf '%-36s %9s %12s %s\n' "one partner changed / full" "$(share "$one_s" "$full_s")" "< 10%" "$(within "$one_s" "$full_s" 0.10)"
    printf '%-36s %9s %12s %s\n' "check" "${check_s} s" "< 2 s" "$(verdict "$check_s" 2)"
    printf '%-36s %9s %12s %s\n' "peak memory of the full build" "${full_mb} MB" "< 400 MB" "$(verdict "$full_mb" 400)"
  } | tee -a "$results"
  rm -rf "$floor" "$site"
done
machine="machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(df -T "$work" | awk 'NR==2 {print $2}'), $(uname -sr); $(swift --version 2>&1 | head -1); hugo $(hugo version | awk '{print $2}'); cmark-gfm $(cmark-gfm --version | head -1 | awk '{print $NF}')"
echo "$machine" | tee -a "$results"
echo "results in $results"

#!/usr/bin/env bash
# Benchmark: a release `partnerbook build` of N synthetic partners, beside Hugo
# rendering the same Markdown documents (one page each, trivial layout) and
# the cmark-gfm CLI rendering the same Markdown bytes, in one run.
#
# usage: Benchmarks/run.sh [N ...]        (default: 1000 10000)
# Needs: hugo, cmark-gfm, GNU time (Debian: apt-get install hugo cmark-gfm time).
# Work goes to Benchmarks/.work (ignored by git). Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
work="Benchmarks/.work"
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

printf '\n%-8s %-34s %10s %10s %10s\n' "N" "step" "seconds" "peak MB" "ratio"
for n in "${sizes[@]}"; do
  content="$work/content-$n"; output="$work/output-$n"; site="$work/hugo-$n"
  rm -rf "$content" "$output" "$site" "$work/.output-$n.cache"
  python3 Benchmarks/generate.py "$n" "$content" >/dev/null

  read -r check_s check_mb < <(measure check "$pb" check --content "$content" --quiet)
  read -r full_s full_mb < <(measure full "$pb" build --content "$content" --output "$output" --quiet)
  read -r same_s same_mb < <(measure nochange "$pb" build --content "$content" --output "$output" --quiet)
  sed -i 's/^summary: "/summary: "Edited. /' "$content/partners/partner-00000.yaml"
  read -r one_s one_mb < <(measure onechanged "$pb" build --content "$content" --output "$output" --quiet)

  # The same Markdown documents, as a Hugo site with one page per document.
  mkdir -p "$site/content" "$site/layouts/_default"
  printf 'baseURL = "http://example.invalid/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n[markup.goldmark.renderer]\nunsafe = false\n' > "$site/hugo.toml"
  echo '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>' > "$site/layouts/_default/single.html"
  echo '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</body></html>' > "$site/layouts/_default/list.html"
  (cd "$output" && find partners program -name '*.md' -print0 | xargs -0 -I{} sh -c 'mkdir -p "$0/$(dirname "{}")" && cp "{}" "$0/{}"' "$OLDPWD/$site/content")
  docs=$(find "$site/content" -name '*.md' | wc -l)
  md_mb=$(du -sm "$site/content" | cut -f1)
  read -r hugo_s hugo_mb < <(measure hugo hugo --source "$site" --destination "$PWD/$site/public" --quiet)

  # The cmark-gfm CLI on the same Markdown bytes (files batched per process by xargs).
  read -r cmark_s cmark_mb < <(measure cmark sh -c "find '$site/content' -name '*.md' -print0 | xargs -0 cmark-gfm -e table -e strikethrough -e autolink -e tasklist -e tagfilter > /dev/null")

  ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
  printf '%-8s %-34s %10s %10s %10s\n' "$n" "partnerbook check" "$check_s" "$check_mb" ""
  printf '%-8s %-34s %10s %10s %10s\n' "$n" "partnerbook build (full)" "$full_s" "$full_mb" ""
  printf '%-8s %-34s %10s %10s %10s\n' "$n" "build, nothing changed" "$same_s" "$same_mb" "$(ratio "$same_s" "$full_s") of full"
  printf '%-8s %-34s %10s %10s %10s\n' "$n" "build, one partner changed" "$one_s" "$one_mb" "$(ratio "$one_s" "$full_s") of full"
  printf '%-8s %-34s %10s %10s %10s\n' "$n" "hugo, $docs Markdown pages (${md_mb} MB)" "$hugo_s" "$hugo_mb" "$(ratio "$full_s" "$hugo_s") full/hugo"
  printf '%-8s %-34s %10s %10s %10s\n' "$n" "cmark-gfm CLI, same Markdown" "$cmark_s" "$cmark_mb" "$(ratio "$full_s" "$cmark_s") full/cmark"
done
echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); $(swift --version 2>&1 | head -1); hugo $(hugo version | awk '{print $2}'); cmark-gfm $(cmark-gfm --version | head -1 | awk '{print $NF}')"

#!/usr/bin/env bash
# Fills fuzz/corpus/TARGET/ with seed inputs taken from the repository's own fixtures (and,
# for the article target, from ../shared/seeds when it is there). The corpus is not committed.
set -euo pipefail
cd "$(dirname "$0")"
root=..
corpus=corpus
mkdir -p "$corpus"/{ledger,geojson,places,article,dates,names}

# Ledgers: the seeds ledger, the gold ledgers and the golden fixture, whole and cut to 20 lines.
for file in "$root"/seeds/claims.csv "$root"/tests/gold/*.csv "$root"/tests/fixtures/golden.csv; do
  name=$(basename "$file" .csv)
  cp "$file" "$corpus/ledger/$name.csv"
  head -n 20 "$file" > "$corpus/ledger/$name-head.csv"
  # The same rows with Windows and old Mac line ends.
  head -n 20 "$file" | sed 's/$/\r/' > "$corpus/ledger/$name-crlf.csv"
  head -n 20 "$file" | tr '\n' '\r' > "$corpus/ledger/$name-cr.csv"
done

# GeoJSON: the small fixture layers, and the first features of the built-in regions.
cp "$root"/tests/fixtures/geo/*.geojson "$corpus/geojson/"
cp "$root"/geodata/regions.geojson "$corpus/geojson/regions-builtin.geojson"

# places.csv: the fixture and the first 40 towns of the built-in gazetteer.
cp "$root"/tests/fixtures/geo/places.csv "$corpus/places/fixture.csv"
head -n 41 "$root"/geodata/places.csv > "$corpus/places/builtin-head.csv"

# Articles: small texts written for the fuzzer (Dutch and English), plus the seed articles if present.
printf ' date 2017-10-17 Raqqa viel in handen van de SDF. IS verloor de stad.\n\nKop zonder punt\nHet leger rukte op naar Deir ez-Zor.\n' \
  > "$corpus/article/nl.txt"
printf ' date 2017-07 Iraqi forces captured Mosul from Islamic State. Fighting continued in Tal Afar.\r\n' \
  > "$corpus/article/en.txt"
printf 'No date marker here. The SDF reportedly holds Tabqa.\n' > "$corpus/article/undated.txt"
if [ -d "$root/../shared/seeds" ]; then
  cp "$root"/../shared/seeds/*.txt "$corpus/article/" 2>/dev/null || true
fi

# Dates: every distinct date of the seeds ledger, and a few forms the parser must refuse.
cut -d, -f1 "$root"/seeds/claims.csv | tail -n +2 | sort -u | while read -r date; do
  printf '%s' "$date" > "$corpus/dates/$(printf '%s' "$date" | tr '/' '_')"
done
for date in 2017-02-29 2016-02-29 2017-13 0000 9999-12-31 2017-10/2017-09 " 2017-10 "; do
  printf '%s' "$date" > "$corpus/dates/extra-$(printf '%s' "$date" | tr '/ ' '_-')"
done

# Names: place names and aliases of the fixture gazetteer, and faction ids and aliases.
tail -n +2 "$root"/tests/fixtures/geo/places.csv | cut -d, -f2,7 | tr ',|' '\n\n' | sed '/^$/d' | sort -u \
  | head -n 200 | nl -ba -w1 -s' ' | while read -r n name; do printf '%s' "$name" > "$corpus/names/place-$n"; done
grep -E '^id = ' "$root"/geodata/factions.toml | cut -d'"' -f2 \
  | while read -r id; do printf '%s' "$id" > "$corpus/names/faction-$id"; done

for target in ledger geojson places article dates names; do
  echo "$target: $(ls "$corpus/$target" | wc -l) seed(s)"
done

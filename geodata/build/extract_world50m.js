// Writes the Natural Earth 1:50m world topology bundled in plotly.js (dist/plotly-geo-assets.js,
// exported as PlotlyGeoAssets.topojson.world_50m) to a plain TopoJSON file that mapshaper can read.
// The bundle is a browser script: it only needs a `window` object to attach itself to.
//   node extract_world50m.js path/to/plotly-geo-assets.js out.topo.json
'use strict';
const fs = require('fs');
const path = require('path');

const [src, dst] = process.argv.slice(2);
if (!src || !dst) {
  console.error('usage: node extract_world50m.js plotly-geo-assets.js out.topo.json');
  process.exit(2);
}
global.window = {};
const assets = require(path.resolve(src));
const topo = (assets && assets.topojson) || (global.window.PlotlyGeoAssets || {}).topojson;
if (!topo || !topo.world_50m || !topo.world_50m.objects.rivers) {
  console.error('extract_world50m.js: no topojson.world_50m.objects.rivers in ' + src);
  process.exit(1);
}
fs.writeFileSync(dst, JSON.stringify(topo.world_50m));

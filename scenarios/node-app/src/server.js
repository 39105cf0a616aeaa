'use strict';

// Serves the median rebuild time of each variant on 127.0.0.1 and prints one line when ready.
// The port is 0 in the settings: the system picks a free one, so that a start-up on the host
// network never collides with another process; the ready line names it.

const started = process.hrtime.bigint();

const path = require('path');
const express = require('express');
const settings = require(path.join(__dirname, '..', 'config', 'settings.json'));
const { rebuildTable, medians } = require('./rebuilds');

const app = express();
const summary = medians(rebuildTable(settings.seed, settings.rows));

app.get('/', (req, res) => {
  res.json({ medianRebuildSeconds: summary });
});

const server = app.listen(settings.port, settings.host, () => {
  const { address, port } = server.address();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const expressVersion = require('express/package.json').version;
  console.log(
    `${settings.readyLine} on http://${address}:${port} in ${seconds.toFixed(3)}s` +
      ` (node ${process.versions.node}, express ${expressVersion})`,
  );
});

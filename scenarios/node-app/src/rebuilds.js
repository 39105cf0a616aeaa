'use strict';

// A made-up table of rebuild times for two Dockerfile orderings, and its medians.

function random(seed) {
  // A small linear congruential generator, so that the table is the same on every start.
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function rebuildTable(seed, rows) {
  const next = random(seed);
  const table = [];
  for (let i = 0; i < rows; i += 1) {
    const variant = next() < 0.5 ? 'naive' : 'deps-first';
    const centre = variant === 'naive' ? 60 : 3;
    table.push({ variant, seconds: Math.max(0.1, centre * (0.8 + 0.4 * next())) });
  }
  return table;
}

function medians(table) {
  const byVariant = new Map();
  for (const row of table) {
    if (!byVariant.has(row.variant)) byVariant.set(row.variant, []);
    byVariant.get(row.variant).push(row.seconds);
  }
  const result = {};
  for (const [variant, values] of [...byVariant].sort()) {
    values.sort((a, b) => a - b);
    const mid = Math.floor(values.length / 2);
    const median = values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    result[variant] = Number(median.toFixed(1));
  }
  return result;
}

module.exports = { rebuildTable, medians };

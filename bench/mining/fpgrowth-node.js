// node-fpgrowth (npm) on a FIMI .dat file: node fpgrowth-node.js <node_modules dir> <file.dat> <min support fraction> <itemsets out>
const fs = require('fs');
const path = require('path');
const [modules, file, support, out] = process.argv.slice(2);
const { FPGrowth } = require(path.join(modules, 'node-fpgrowth'));
const baskets = fs.readFileSync(file, 'utf8').split('\n').filter(l => l.trim()).map(l => l.trim().split(/\s+/).map(Number));
const started = process.hrtime.bigint();
new FPGrowth(Number(support)).exec(baskets).then(itemsets => {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  fs.writeFileSync(out, itemsets.map(s => `${s.items.join(' ')} (${s.support})`).join('\n') + '\n');
  console.log(`itemsets=${itemsets.length} seconds=${seconds.toFixed(3)}`);
});

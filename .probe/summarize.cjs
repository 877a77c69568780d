const p = JSON.parse(require("fs").readFileSync("/tmp/console.cpuprofile"));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = p.timeDeltas; 
for (let i = 0; i < p.samples.length; i++) { const id = p.samples[i]; self.set(id, (self.get(id) || 0) + (dt[i] || 0)); }
const agg = new Map();
for (const [id, t] of self) { const n = byId.get(id); const k = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber}`; agg.set(k, (agg.get(k) || 0) + t); }
const total = [...agg.values()].reduce((a, b) => a + b, 0);
console.log("total ms", total / 1000);
for (const [k, t] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((t / 1000).toFixed(0).padStart(6), k);

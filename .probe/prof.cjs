const inspector = require("node:inspector");
const fs = require("node:fs");
const session = new inspector.Session();
session.connect();
session.post("Profiler.enable", () => session.post("Profiler.start"));
setTimeout(() => {
  session.post("Profiler.stop", (err, { profile }) => {
    fs.writeFileSync("/tmp/console.cpuprofile", JSON.stringify(profile));
  });
}, Number(process.env.PROF_MS || 20000)).unref();

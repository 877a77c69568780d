// Writes the catalogue as the simulator's argparse table (tests/unit/launch/argparse-table.test.ts checks it is current).
import fs from "node:fs";
import path from "node:path";
import { buildArgparseTable, formatArgparseTable, SIMULATOR_FLAGS_FILE } from "../lib/launch/argparse-table";

const file = path.join(__dirname, "..", SIMULATOR_FLAGS_FILE);
fs.writeFileSync(file, formatArgparseTable(buildArgparseTable()));
console.log(`wrote ${SIMULATOR_FLAGS_FILE}`);

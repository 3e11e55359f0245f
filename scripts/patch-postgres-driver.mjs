/**
 * postinstall: guards postgres.js 3.4.9 against porsager/postgres#1154/#1208 (open upstream, no
 * fixed release). A write batched behind setImmediate can fire after the connection closed and
 * call socket.write on null — an uncaught TypeError that kills the whole process (web server or
 * grading worker) when Postgres restarts. tests/integration/grading-db-restart.test.ts hits it.
 * The fix is the one proposed upstream (PR #1176/#1209): skip the write once the socket is gone
 * (closed() has already rejected its queries) and drop the stale timer and chunk on teardown.
 * Same test, same restart: the connect-time array-type query could reject with nobody listening.
 * Idempotent; fails loudly if the driver changed shape so nobody ships without the guard unknowingly.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILES = ['node_modules/postgres/src/connection.js', 'node_modules/postgres/cjs/src/connection.js'];
const MARK = '/* tensorgrade: null-socket guard */';
const EDITS = [
  ['  function nextWrite(fn) {\n', `  function nextWrite(fn) {\n    ${MARK}\n    if (!socket) return (chunk = nextWriteTimer = null), false\n`],
  ['    clearImmediate(nextWriteTimer)\n    if (socket) {', '    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    if (socket) {'],
  ['    clearImmediate(nextWriteTimer)\n    socket.removeListener', '    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    socket.removeListener'],
  // The array-type lookup on a new connection is a floating promise: a server going away during
  // that handshake was an unhandled rejection (fatal in Node). closed() already settles the queries.
  ['        return fetchArrayTypes()\n', '        return fetchArrayTypes().catch(() => {})\n'],
];

for (const file of FILES) {
  if (!existsSync(file)) continue;
  let source = readFileSync(file, 'utf8');
  if (source.includes(MARK)) continue;
  for (const [before, after] of EDITS) {
    if (!source.includes(before)) {
      console.error(`patch-postgres-driver: ${file} no longer matches (${JSON.stringify(before.trim())}); check whether the upstream fix landed and update or remove this script.`);
      process.exit(1);
    }
    source = source.replace(before, after);
  }
  writeFileSync(file, source);
  console.log(`patch-postgres-driver: guarded ${file}`);
}

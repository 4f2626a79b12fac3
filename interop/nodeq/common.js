// Shared by the scripts: the port argument, node-q calls as promises, and one tab-separated line of JSON per result.
"use strict";
process.noDeprecation = true; // node-q 2.7.0 uses the deprecated `new Buffer()`; keep stderr for real errors

const nodeq = require("node-q");
const Long = require("long");

const port = Number(process.argv[2]);
if (!Number.isInteger(port)) {
  fail(new Error("usage: node " + process.argv[1] + " PORT ..."));
}

// A script that hangs fails on its own, before the Java side has to kill it.
setTimeout(() => fail(new Error("gave up after 20 s")), 20000).unref();

function fail(err) {
  process.stderr.write((err && err.stack ? err.stack : String(err)) + "\n");
  process.exit(1);
}

function connect(options) {
  return new Promise((resolve, reject) => {
    nodeq.connect(Object.assign({host: "127.0.0.1", port: port, socketNoDelay: true}, options), (err, con) => {
      if (err) {
        reject(err);
      } else {
        con.on("error", fail);
        resolve(con);
      }
    });
  });
}

// con.k(...args) and con.ks(...args) as promises
function k(con, ...args) {
  return new Promise((resolve, reject) => con.k(...args, (err, res) => (err ? reject(err) : resolve(res))));
}

function ks(con, ...args) {
  return new Promise((resolve, reject) => con.ks(...args, (err) => (err ? reject(err) : resolve())));
}

// JSON for a value as node-q sees it. Dates, longs (long.js) and numbers JSON cannot hold are tagged, so that none
// of them passes for another type; typed wrappers (nodeq.long(...)) show the value they wrap.
function describe(x) {
  if (x === undefined) {
    return {undefined: true};
  }
  if (x === null || typeof x === "boolean" || typeof x === "string") {
    return x;
  }
  if (typeof x === "number") {
    return Number.isFinite(x) ? x : {number: String(x)};
  }
  if (x instanceof Date) {
    return {date: Number.isNaN(x.getTime()) ? "Invalid Date" : x.toISOString()};
  }
  if (Long.isLong(x)) {
    return {long: x.toString()};
  }
  if (nodeq.isTyped(x)) {
    return describe(x.value());
  }
  if (Array.isArray(x)) {
    return x.map(describe);
  }
  return Object.fromEntries(Object.entries(x).map(([key, value]) => [key, describe(value)]));
}

// One line: the fields as JSON, tab-separated (JSON escapes tabs inside strings).
function print(...fields) {
  process.stdout.write(fields.map((f) => JSON.stringify(f)).join("\t") + "\n");
}

function run(main) {
  main().then(() => process.exit(0), fail);
}

module.exports = {nodeq, Long, connect, k, ks, describe, print, run};

// node compressed.js PORT N
// Echoes a large, repetitive dictionary of N-item columns through a q4j server that compresses what it sends.
// Prints the reply's header (compressed flag, bytes on the wire, bytes uncompressed) and whether node-q decoded
// exactly the value sent.
"use strict";
const {nodeq, Long, connect, k, describe, print, run} = require("./common");

const n = Number(process.argv[3]);
const names = ["AAPL", "MSFT", "IBM", "GOOG"];
const columns = {
  sym: Array.from({length: n}, (_, i) => names[i % names.length]),
  size: Array.from({length: n}, (_, i) => 100 * (i % 10)),
  price: Array.from({length: n}, (_, i) => 100 + (i % 8) / 4),
};
const value = nodeq.dict({
  sym: nodeq.symbols(columns.sym),
  size: nodeq.longs(columns.size.map((x) => Long.fromInt(x))),
  price: nodeq.floats(columns.price),
});

run(async () => {
  const con = await connect();
  let header = Buffer.alloc(0); // the reply's first bytes, as they arrive, before node-q reads them
  con.socket.prependListener("data", (chunk) => {
    if (header.length < 12) {
      header = Buffer.concat([header, chunk]);
    }
  });
  const reply = await k(con, "echo", value);
  print("header", header[2], header.readUInt32LE(4), header.readUInt32LE(8));
  const got = reply[1];
  print("echo", JSON.stringify(describe(got)) === JSON.stringify(columns), got.sym.length,
      describe(got.sym[n - 1]), describe(got.size[n - 1]), describe(got.price[n - 1]));
  con.close();
});

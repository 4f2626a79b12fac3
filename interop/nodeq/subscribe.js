// node subscribe.js PORT N
// Subscribes to the trade table of a q4j tickerplant as kdb+tick subscribers do, .u.sub[`trade;`], prints the
// reply, then the first N (`upd;`trade;rows) messages it pushes (node-q emits them as "upd" events), and exits.
// nanos2date: false keeps timespans as exact nanoseconds rather than millisecond Dates.
"use strict";
const {nodeq, connect, k, describe, print, run} = require("./common");

const n = Number(process.argv[3]);

run(async () => {
  const con = await connect({nanos2date: false});
  let left = n;
  const received = new Promise((resolve) => {
    con.on("upd", (table, rows) => {
      print("upd", table, describe(rows));
      if (--left === 0) {
        resolve();
      }
    });
  });
  // plain strings would arrive as char vectors: the table name and the null symbol must be symbols
  print("subscribed", describe(await k(con, ".u.sub", nodeq.symbol("trade"), nodeq.symbol(""))));
  await received;
  con.close();
});

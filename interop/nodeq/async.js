// node async.js PORT N
// Sends q code and then N calls ("tick"; i; `si; i/2) as async messages (con.ks), then one sync call ("count"):
// a q4j server handles one connection's messages in order, so its reply counts every async message before it.
"use strict";
const {nodeq, Long, connect, k, ks, describe, print, run} = require("./common");

const n = Number(process.argv[3]);

run(async () => {
  const con = await connect();
  const sent = [ks(con, "show `hello")];
  for (let i = 0; i < n; i++) {
    sent.push(ks(con, "tick", nodeq.long(Long.fromInt(i)), nodeq.symbol("s" + i), i / 2));
  }
  await Promise.all(sent);
  print("count", describe(await k(con, "count")));
  con.close();
});

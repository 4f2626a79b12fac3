// node query.js PORT EXPRESSION...
// Sends each q expression as a sync request (con.k), in turn, on one connection. Prints per expression:
// the expression <TAB> what node-q decoded from the reply, or {"error": text} for a q error.
"use strict";
const {connect, k, describe, print, run} = require("./common");

run(async () => {
  const con = await connect();
  for (const expression of process.argv.slice(3)) {
    try {
      print(expression, describe(await k(con, expression)));
    } catch (err) {
      print(expression, {error: err.message});
    }
  }
  con.close();
});

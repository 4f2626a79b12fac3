// node echo.js PORT
// Sends one value of every type node-q can write, typed (nodeq.long(...)) and inferred from JavaScript, as
// con.k(name, value) to a q4j echo server, which answers (name; value). Prints per value:
// name <TAB> what was sent <TAB> what node-q decoded from the reply.
"use strict";
const {nodeq, Long, connect, k, describe, print, run} = require("./common");

const when = new Date("2024-03-05T06:07:08.123Z");
const day = new Date("2024-03-05T00:00:00.000Z");
const month = new Date("2024-03-01T00:00:00.000Z");
const clock = new Date("2000-01-01T06:07:08.123Z"); // minute, second, time and timespan take only the UTC time of day
const guid = "0a369037-75d3-b24d-6721-5a1d44d4bed5";
const guid2 = "00010203-0405-0607-0809-0a0b0c0d0e0f";

const cases = [
  // the typed API, atoms
  ["boolean", nodeq.boolean(true)],
  ["guid", nodeq.guid(guid)],
  ["byte", nodeq.byte(42)],
  ["short", nodeq.short(-7)],
  ["int", nodeq.int(123456)],
  ["long", nodeq.long(Long.fromInt(42))],
  ["long 2^53+1", nodeq.long(Long.fromString("9007199254740993"))],
  ["real", nodeq.real(1.5)],
  ["float", nodeq.float(-2.25)],
  ["char", nodeq.char("x")],
  ["symbol", nodeq.symbol("abc")],
  ["symbol utf8", nodeq.symbol("Zürich")],
  ["timestamp", nodeq.timestamp(when)],
  ["month", nodeq.month(month)],
  ["date", nodeq.date(day)],
  ["datetime", nodeq.datetime(when)],
  ["timespan", nodeq.timespan(clock)],
  ["minute", nodeq.minute(clock)],
  ["second", nodeq.second(clock)],
  ["time", nodeq.time(clock)],

  // the typed API, vectors
  ["booleans", nodeq.booleans([true, false, true])],
  ["guids", nodeq.guids([guid, guid2])],
  ["bytes", nodeq.bytes([0, 1, 127])],
  ["shorts", nodeq.shorts([1, -2, 3])],
  ["ints", nodeq.ints([1, -2, 3])],
  ["longs", nodeq.longs([Long.fromInt(1), Long.fromInt(-2), Long.fromString("9007199254740993")])],
  ["reals", nodeq.reals([0.5, -1.25])],
  ["floats", nodeq.floats([0.1, 2.5])],
  ["chars", nodeq.chars(["a", "b", "c"])],
  ["symbols", nodeq.symbols(["a", "b", ""])],
  ["timestamps", nodeq.timestamps([when, day])],
  ["months", nodeq.months([month])],
  ["dates", nodeq.dates([day])],
  ["datetimes", nodeq.datetimes([when, day])],
  ["timespans", nodeq.timespans([clock])],
  ["minutes", nodeq.minutes([clock])],
  ["seconds", nodeq.seconds([clock])],
  ["times", nodeq.times([clock])],
  ["longs empty", nodeq.longs([])],
  ["mixedlist", nodeq.mixedlist([1, 2])],
  ["dict", nodeq.dict({px: nodeq.floats([1.5, 2]), size: nodeq.longs([Long.fromInt(100), Long.fromInt(200)])})],

  // what JavaScript values become without wrappers
  ["number", 1.5],
  ["number integral", 42],
  ["Infinity", Infinity],
  ["-Infinity", -Infinity],
  ["NaN", NaN],
  ["true", true],
  ["false", false],
  ["string", "hello"],
  ["string empty", ""],
  ["string one char", "a"],
  ["string utf8", "Zürich ✓"],
  ["string `abc", "`abc"],
  ["string `", "`"],
  ["Date", when],
  ["null", null],
  ["array numbers", [1, 2, 3]],
  ["array booleans", [true, false]],
  ["array Dates", [when, day]],
  ["array strings", ["a", "bc"]],
  ["array `strings", ["`a", "`b"]],
  ["array typed", [nodeq.int(1), nodeq.int(2)]],
  ["array mixed", [1, "a", true, null]],
  ["array nested", [[1, 2], [3]]],
  ["array empty", []],
  ["object", {a: 1, b: 2}],
  ["object mixed", {name: "x", n: 1.5, flag: true}],
  ["object nested", {a: {b: 1}}],
  ["object empty", {}],
];

// typed nulls (boolean and byte have none) and infinities
for (const type of ["guid", "short", "int", "long", "real", "float", "char", "symbol", "timestamp", "month", "date",
  "datetime", "timespan", "minute", "second", "time"]) {
  cases.push([type + " null", nodeq[type](null)]);
}
for (const type of ["short", "int", "long", "real", "float"]) {
  cases.push([type + " +inf", nodeq[type](Infinity)], [type + " -inf", nodeq[type](-Infinity)]);
}

run(async () => {
  const con = await connect();
  for (const [name, value] of cases) {
    const reply = await k(con, name, value);
    print(name, describe(value), describe(reply[1]));
  }
  con.close();
});

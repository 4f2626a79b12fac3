// Writes Arrow IPC files and streams with apache-arrow (the JavaScript implementation), types and values built
// here in JavaScript, for q4j to read: DIR/js.arrow (file) and DIR/js.arrows (stream), the same table in each.
//
//   node write.js DIR
//
// The Java test (ArrowJsInteropIT) knows these values and checks the q table q4j reads from each file.
'use strict';
const fs = require('fs');
const path = require('path');
const arrow = require('apache-arrow');

const dir = process.argv[2];
const n = 4;

function vector(type, values) {
    return arrow.vectorFromArray(values, type);
}

// a 64-bit temporal vector from its raw stored integers (the builders take milliseconds as numbers)
function raw64(type, values) {
    const bitmap = new Uint8Array(Math.ceil(values.length / 8));
    values.forEach((v, i) => { if (v !== null) { bitmap[i >> 3] |= 1 << (i & 7); } });
    const data = BigInt64Array.from(values, v => v === null ? 0n : v);
    return arrow.makeVector(arrow.makeData({
        type: type, length: values.length, data: data, nullBitmap: bitmap,
        nullCount: values.filter(v => v === null).length,
    }));
}

const dictionary = new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32());
const listOfInts = new arrow.List(new arrow.Field('item', new arrow.Int32(), true));

const columns = {
    bool: vector(new arrow.Bool(), [true, false, false, true]),
    boolWithNull: vector(new arrow.Bool(), [true, null, false, true]),
    int8: vector(new arrow.Int8(), [-128, 0, 127, null]),
    int16: vector(new arrow.Int16(), [-32767, 1, null, 32767]),
    int32: vector(new arrow.Int32(), [1, null, -2147483647, 2147483647]),
    // q's null of an int as a value: q cannot hold it, so q4j refuses it (a file of its own, below)
    int32Min: vector(new arrow.Int32(), [1, -2147483648, null, 2]),
    int64: vector(new arrow.Int64(), [1n, -9007199254740993n, null, 9223372036854775806n]),
    uint8: vector(new arrow.Uint8(), [0, 200, 255, 7]),
    uint16: vector(new arrow.Uint16(), [0, 65535, null, 1]),
    uint32: vector(new arrow.Uint32(), [0, 4294967295, null, 1]),
    float32: vector(new arrow.Float32(), [1.5, null, Infinity, -0]),
    float64: vector(new arrow.Float64(), [0.1, NaN, null, -Infinity]),
    utf8: vector(new arrow.Utf8(), ['hello', '', null, 'wörld ✓']),
    dict: vector(dictionary, ['IBM', 'MSFT', null, 'IBM']),
    // 2024-01-02T09:30:00.123456789Z in nanoseconds since 1970; 1969-12-31T23:59:59Z
    tsNano: raw64(new arrow.TimestampNanosecond('UTC'), [1704187800123456789n, null, -1000000000n, 0n]),
    tsMilli: vector(new arrow.TimestampMillisecond(), [1704187800123, null, 0, -86400000]),
    dateDay: vector(new arrow.DateDay(), [new Date(Date.UTC(2024, 0, 2)), null, new Date(Date.UTC(1970, 0, 1)),
        new Date(Date.UTC(1999, 11, 31))]),
    timeSec: vector(new arrow.TimeSecond(), [34200, null, 0, 86399]),
    timeMilli: vector(new arrow.TimeMillisecond(), [34200123, 0, null, 86399999]),
    durationNano: raw64(new arrow.Duration(arrow.TimeUnit.NANOSECOND), [1n, null, -5000000000n, 3600000000000n]),
    durationMilli: raw64(new arrow.Duration(arrow.TimeUnit.MILLISECOND), [1n, null, -5000n, 3600000n]),
    listInt: vector(listOfInts, [[1, 2, 3], [], null, [null, 4]]),
    uuid: vector(new arrow.FixedSizeBinary(16), [Uint8Array.from(Buffer.from('0a36903775d3b24d67215a1d44d4bed5', 'hex')),
        null, new Uint8Array(16), Uint8Array.from(Buffer.from('ffffffffffffffffffffffffffffffff', 'hex'))]),
};

// arrow.uuid is an extension type apache-arrow does not know: its name goes in the field's metadata, as the format
// says, on FixedSizeBinary(16) storage
const made = new arrow.Table(columns);
const schema = new arrow.Schema(made.schema.fields.map(f => f.name !== 'uuid' ? f
    : f.clone({ metadata: new Map([['ARROW:extension:name', 'arrow.uuid'], ['ARROW:extension:metadata', '']]) })));
const full = new arrow.Table(schema, made.batches.map(b => new arrow.RecordBatch(schema, b.data)));
// the boolean with a null is a file of its own: q booleans have no null, so q4j refuses it
const table = full.select(schema.fields.map(f => f.name)
    .filter(name => name !== 'boolWithNull' && name !== 'int32Min'));
fs.writeFileSync(path.join(dir, 'js-bool-null.arrow'), arrow.tableToIPC(full.select(['boolWithNull']), 'file'));
fs.writeFileSync(path.join(dir, 'js-int-min.arrow'), arrow.tableToIPC(full.select(['int32Min']), 'file'));
if (table.numRows !== n) {
    throw new Error('expected ' + n + ' rows, made ' + table.numRows);
}
fs.writeFileSync(path.join(dir, 'js.arrow'), arrow.tableToIPC(table, 'file'));
fs.writeFileSync(path.join(dir, 'js.arrows'), arrow.tableToIPC(table, 'stream'));
console.log(JSON.stringify({ rows: table.numRows, columns: table.schema.fields.map(f => f.name + ':' + String(f.type)) }));

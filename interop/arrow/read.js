// Reads an Arrow IPC stream or file with apache-arrow (the JavaScript implementation) and prints what it finds,
// for the Java test to check against the q table that q4j wrote: one JSON line for the table, then one per column.
//
//   node read.js FILE
//
// Values are tagged where plain JSON would lose or blur them: 64-bit integers (also timestamps and durations, read
// as the raw stored integers) as {"i64":"..."}, non-finite floats and -0 as {"num":"Infinity"}, binary as
// {"hex":"..."}. Timestamps also carry JavaScript's own reading, {"iso":"..."} (milliseconds), and dates
// {"date":"YYYY-MM-DD"}, when JavaScript's Date holds them.
'use strict';
const fs = require('fs');
const arrow = require('apache-arrow');

const path = process.argv[2];
const bytes = fs.readFileSync(path);
const reader = arrow.RecordBatchReader.from(bytes).open({ autoDestroy: false });
const schema = reader.schema;
const format = reader.isFile() ? 'file' : 'stream';
const batches = [];
for (const batch of reader) {
    batches.push(batch);
}
const table = new arrow.Table(schema, batches);

function num(x) {
    if (!Number.isFinite(x) || Object.is(x, -0)) {
        return { num: String(Object.is(x, -0) ? '-0' : x) };
    }
    return x;
}

function iso(ms) {
    const d = new Date(ms);
    return isNaN(d.getTime()) ? null : d.toISOString();
}

// the raw stored integer of a 64-bit fixed-width vector at index i
function raw64(vector, i) {
    let at = i;
    for (const data of vector.data) {
        if (at < data.length) {
            return data.values[data.offset + at];
        }
        at -= data.length;
    }
    throw new Error('index ' + i + ' out of range');
}

function raw32(vector, i) {
    return Number(raw64(vector, i));
}

// one value of a vector of type `type`
function value(vector, type, i) {
    if (!vector.isValid(i)) {
        return null;
    }
    const id = type.typeId;
    const T = arrow.Type;
    if (id === T.Int && type.bitWidth === 64) {
        return { i64: String(vector.get(i)) };
    }
    if (id === T.Float) {
        return num(vector.get(i));
    }
    if (id === T.Timestamp) {
        const r = raw64(vector, i);
        const out = { i64: String(r) };
        try {
            const ms = vector.get(i);
            if (Math.abs(ms) < 8.64e15) {
                out.iso = iso(ms);
            }
        } catch (e) {
            // out of JavaScript's range: the raw value only
        }
        return out;
    }
    if (id === T.Duration) {
        return { i64: String(raw64(vector, i)) };
    }
    if (id === T.Date) {
        const days = raw32(vector, i);
        const out = { days: days };
        if (Math.abs(days) <= 1e8) {
            out.date = iso(days * 86400000).slice(0, 10);
        }
        return out;
    }
    if (id === T.FixedSizeBinary || id === T.Binary) {
        return { hex: Buffer.from(vector.get(i)).toString('hex') };
    }
    if (id === T.List) {
        const items = vector.get(i);
        const child = type.children[0].type;
        const out = [];
        for (let k = 0; k < items.length; k++) {
            out.push(value(items, child, k));
        }
        return out;
    }
    const v = vector.get(i);
    return typeof v === 'number' ? num(v) : v;
}

function metadata(map) {
    const out = {};
    for (const [k, v] of map) {
        out[k] = v;
    }
    return out;
}

console.log(JSON.stringify({
    format: format,
    rows: table.numRows,
    batches: batches.length,
    metadata: metadata(schema.metadata),
    columns: schema.fields.map(f => f.name),
}));
for (const field of schema.fields) {
    const vector = table.getChild(field.name);
    const values = [];
    for (let i = 0; i < vector.length; i++) {
        values.push(value(vector, field.type, i));
    }
    console.log(JSON.stringify({
        name: field.name,
        type: String(field.type),
        nullable: field.nullable,
        metadata: metadata(field.metadata),
        values: values,
    }));
}

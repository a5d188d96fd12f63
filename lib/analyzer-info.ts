// The GetAnalyzerInfo reply, encoded without google-protobuf's object model for the config schemas. The engine asks
// for it right after start; building the pack's ~70 KB of schemas as Struct objects and serializing them costs ~60 ms
// of cold code on every `pulumi preview`, more than everything else the pack adds to start-up. Everything but the
// schemas is still built by the SDK; the schemas are appended in protobuf wire format (fields may come in any order).
import type * as sdk from "@pulumi/policy";

/** Field numbers from pulumi's analyzer.proto and google/protobuf/struct.proto. */
const ANALYZER_INFO_POLICIES = 3;
const POLICY_INFO_CONFIG_SCHEMA = 6;
const CONFIG_SCHEMA_PROPERTIES = 1;
const CONFIG_SCHEMA_REQUIRED = 2;
const STRUCT_FIELDS = 1;
const ENTRY_KEY = 1;
const ENTRY_VALUE = 2;
const LIST_VALUES = 1;
const VALUE = { null: 1, number: 2, string: 3, bool: 4, struct: 5, list: 6 } as const;

const VARINT = 0;
const FIXED64 = 1;
const LEN = 2;

/** Writes a message back to front, so every length prefix is known when it is written: one pass, one buffer. */
class ReverseWriter {
    private buf = Buffer.alloc(1 << 17);
    private pos = this.buf.length;

    /** How many bytes are written so far (a nested message's length is the difference of two of these). */
    written(): number {
        return this.buf.length - this.pos;
    }

    bytes(): Buffer {
        return this.buf.subarray(this.pos);
    }

    private room(n: number): void {
        if (this.pos >= n) return;
        const bigger = Buffer.alloc(Math.max(this.buf.length * 2, this.written() + n));
        this.bytes().copy(bigger, bigger.length - this.written());
        this.pos = bigger.length - this.written();
        this.buf = bigger;
    }

    varint(n: number): void {
        const bytes: number[] = [];
        while (n > 0x7f) {
            bytes.push((n & 0x7f) | 0x80);
            n = Math.floor(n / 128);
        }
        bytes.push(n);
        this.raw(bytes);
    }

    raw(bytes: ArrayLike<number>): void {
        this.room(bytes.length);
        this.pos -= bytes.length;
        this.buf.set(bytes, this.pos);
    }

    tag(field: number, wire: number): void {
        this.varint(field * 8 + wire);
    }

    /** A length-delimited field whose content `body` writes (back to front). */
    nested(field: number, body: () => void): void {
        const before = this.written();
        body();
        this.varint(this.written() - before);
        this.tag(field, LEN);
    }

    string(field: number, s: string): void {
        const n = Buffer.byteLength(s);
        this.room(n);
        this.pos -= n;
        this.buf.write(s, this.pos, "utf8");
        this.varint(n);
        this.tag(field, LEN);
    }
}

function writeValue(w: ReverseWriter, v: unknown): void {
    if (v === null || v === undefined) {
        w.raw([0]);
        w.tag(VALUE.null, VARINT);
    } else if (typeof v === "number") {
        const b = Buffer.alloc(8);
        b.writeDoubleLE(v);
        w.raw(b);
        w.tag(VALUE.number, FIXED64);
    } else if (typeof v === "string") {
        w.string(VALUE.string, v);
    } else if (typeof v === "boolean") {
        w.raw([v ? 1 : 0]);
        w.tag(VALUE.bool, VARINT);
    } else if (Array.isArray(v)) {
        w.nested(VALUE.list, () => {
            for (let i = v.length - 1; i >= 0; i--) w.nested(LIST_VALUES, () => writeValue(w, v[i]));
        });
    } else {
        w.nested(VALUE.struct, () => writeStruct(w, v as Record<string, unknown>));
    }
}

/** A google.protobuf.Struct holding `o`, as `Struct.fromJavaScript(o)` would (map entries may come in any order). */
function writeStruct(w: ReverseWriter, o: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(o)) {
        w.nested(STRUCT_FIELDS, () => {
            w.nested(ENTRY_VALUE, () => writeValue(w, v));
            w.string(ENTRY_KEY, k);
        });
    }
}

/** The parts of the SDK's AnalyzerInfo and PolicyInfo messages used here. */
export interface InfoMessage {
    serializeBinary(): Uint8Array;
    getPoliciesList(): InfoMessage[];
    setPoliciesList(list: InfoMessage[]): void;
}

/**
 * The bytes of `makeAnalyzerInfo(...)`: `make` is the SDK's builder, given the policies without their config schemas,
 * whose encoded schemas are then appended to each policy's entry.
 */
export function analyzerInfoBytes(policies: sdk.Policies, make: (policies: sdk.Policies) => InfoMessage): Buffer {
    const info = make(policies.map((p) => ({ ...p, configSchema: undefined })));
    const entries = info.getPoliciesList();
    if (entries.length !== policies.length) throw new Error("the SDK left out a policy");
    info.setPoliciesList([]);
    const w = new ReverseWriter();
    for (let i = entries.length - 1; i >= 0; i--) {
        const schema = policies[i].configSchema;
        w.nested(ANALYZER_INFO_POLICIES, () => {
            if (schema) {
                w.nested(POLICY_INFO_CONFIG_SCHEMA, () => {
                    for (const r of [...(schema.required ?? [])].reverse()) w.string(CONFIG_SCHEMA_REQUIRED, r);
                    w.nested(CONFIG_SCHEMA_PROPERTIES, () => writeStruct(w, schema.properties));
                });
            }
            w.raw(entries[i].serializeBinary());
        });
    }
    w.raw(info.serializeBinary());
    return w.bytes();
}

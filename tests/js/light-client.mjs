// A light client of Zero Chain: smoldot, through polkadot-api's provider, started from a raw
// chain spec alone. It follows the chain over the peer-to-peer network (the spec's bootnodes),
// trusts GRANDPA's finality and nothing else, and answers runtime API calls and storage reads
// at a finalised block, each checked by smoldot against that block's state root with a proof.
//
//   node light-client.mjs SPEC.json MIN_BLOCK REQUESTS.json
//
// REQUESTS is a JSON list of `{"call": "TwinsApi_twin", "params": "0x…"}` (a runtime API
// call, SCALE-encoded arguments) and `{"storage": "0x…"}` (a storage key). It waits for a
// finalised block numbered MIN_BLOCK or more, asks every request at that block, and prints one
// JSON line: the block's hash and number, the seconds from start to its first answer, and the
// answers in order (SCALE hex, or null for storage that holds nothing).
import { readFileSync } from "node:fs";
import { start } from "smoldot";
import { getSmProvider } from "@polkadot-api/sm-provider";

const [specPath, minBlock, requestsPath] = process.argv.slice(2);
const chainSpec = readFileSync(specPath, "utf8");
const requests = JSON.parse(readFileSync(requestsPath, "utf8"));
const started = performance.now();

const smoldot = start({ maxLogLevel: 1 });
const provider = getSmProvider(() => smoldot.addChain({ chainSpec }));

// One JSON-RPC connection to the light client: requests by id, and the follow subscription's
// events handed to whoever waits for them. An operation's events are kept until asked for:
// one may arrive before its caller has read the reply that named the operation.
let nextId = 0;
const replies = new Map();
const listeners = new Set();
const operationEvents = [];
const connection = provider((message) => {
  if (message.id !== undefined && replies.has(message.id)) {
    const { method, resolve, reject } = replies.get(message.id);
    replies.delete(message.id);
    if (message.error) reject(new Error(`${method}: ${JSON.stringify(message.error)}`));
    else resolve(message.result);
  } else if (message.method === "chainHead_v1_followEvent") {
    const event = message.params.result;
    if (event.event === "stop") fail("the light client ended the follow subscription");
    if (event.operationId !== undefined) operationEvents.push(event);
    for (const listener of listeners) listener(event);
  }
});
function fail(reason) {
  console.error(reason);
  process.exit(1);
}
const request = (method, params) =>
  new Promise((resolve, reject) => {
    const id = ++nextId;
    replies.set(id, { method, resolve, reject });
    connection.send({ jsonrpc: "2.0", id, method, params });
  });
const nextEvent = (matches) =>
  new Promise((resolve) => {
    const kept = operationEvents.findIndex(matches);
    if (kept >= 0) return resolve(operationEvents.splice(kept, 1)[0]);
    const listener = (event) => {
      if (matches(event)) {
        listeners.delete(listener);
        const kept = operationEvents.indexOf(event);
        if (kept >= 0) operationEvents.splice(kept, 1);
        resolve(event);
      }
    };
    listeners.add(listener);
  });

// A block's number, from its SCALE header: the parent hash, then the number as a compact.
function blockNumber(headerHex) {
  const bytes = Buffer.from(headerHex.slice(2), "hex").subarray(32);
  const mode = bytes[0] & 3;
  if (mode === 0) return bytes[0] >> 2;
  if (mode === 1) return bytes.readUInt16LE(0) >> 2;
  if (mode === 2) return bytes.readUInt32LE(0) >>> 2;
  throw new Error("a block number beyond 2^30");
}

const finalised = [];
listeners.add((event) => {
  if (event.event === "initialized") finalised.push(...event.finalizedBlockHashes);
  if (event.event === "finalized") finalised.push(...event.finalizedBlockHashes);
});
// With the runtime: the light client then knows each block's runtime, which calls need.
const subscription = await request("chainHead_v1_follow", [true]);

// A finalised block at or past MIN_BLOCK (its header says its number): the newest the light
// client has announced.
let block;
for (;;) {
  while (finalised.length > 0) {
    const hash = finalised.shift();
    const number = blockNumber(await request("chainHead_v1_header", [subscription, hash]));
    if (number >= Number(minBlock)) block = { hash, number };
  }
  if (block) break;
  await nextEvent((event) => event.event === "finalized");
}

// Each request at that block: the light client fetches a proof from a full node and checks it
// against the block's state root before it answers.
async function answer(item) {
  if (item.call) {
    const { operationId } = await request("chainHead_v1_call", [
      subscription, block.hash, item.call, item.params,
    ]);
    const done = await nextEvent((event) => event.operationId === operationId);
    if (done.event !== "operationCallDone") throw new Error(`${item.call}: ${JSON.stringify(done)}`);
    return done.output;
  }
  const { operationId } = await request("chainHead_v1_storage", [
    subscription, block.hash, [{ key: item.storage, type: "value" }], null,
  ]);
  let value = null;
  for (;;) {
    const event = await nextEvent((e) => e.operationId === operationId);
    if (event.event === "operationStorageItems") value = event.items[0]?.value ?? null;
    else if (event.event === "operationStorageDone") return value;
    else throw new Error(`storage ${item.storage}: ${JSON.stringify(event)}`);
  }
}
const answers = [];
let firstAnswer;
for (const item of requests) {
  answers.push(await answer(item));
  firstAnswer ??= (performance.now() - started) / 1000;
}
console.log(JSON.stringify({ ...block, seconds: firstAnswer, answers }));
connection.disconnect();
await smoldot.terminate();
process.exit(0);

// Zero Chain through @polkadot/api with nothing but the node's metadata: registers a twin,
// links an entity to it with a signature made the way a browser wallet's signRaw makes it,
// transfers tokens, reads them back from storage, and asks the node's phonebook RPC.
//
//   node client.mjs ws://127.0.0.1:9944
//
// Prints one JSON object with what it saw; exits non-zero on any failure.
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { stringToU8a, u8aConcat, u8aWrapBytes } from '@polkadot/util';

const url = process.argv[2] ?? 'ws://127.0.0.1:9944';

/** A SCALE-encoded u32: four bytes, little-endian. */
function u32(value) {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value, true);
  return bytes;
}

/** The link message of docs/phonebook.md: what an entity signs to vouch for a twin. */
function linkMessage(genesisHash, entity, twin, controller, nonce) {
  return u8aConcat(stringToU8a('zerochain:link-entity-twin'), genesisHash, u32(entity), u32(twin),
    controller, u32(nonce));
}

/** Signs and sends `tx`; resolves with its events once in a block, rejects if it failed. */
function submit(api, tx, signer) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (dispatchError) {
        const reason = dispatchError.isModule
          ? api.registry.findMetaError(dispatchError.asModule).name
          : dispatchError.toString();
        reject(new Error(`${tx.method.section}.${tx.method.method} failed: ${reason}`));
      } else if (status.isInBlock) {
        resolve(events);
      }
    }).catch(reject);
  });
}

const provider = new WsProvider(url);
const api = await ApiPromise.create({ provider, noInitWarn: true });
try {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
  const alice = keyring.addFromUri('//Alice');
  const receiver = keyring.addFromUri('//ClientTestReceiver');

  await submit(api, api.tx.twins.createTwin('js.example.org', 'js-client'), alice);
  const twinId = (await api.query.twins.twinByAccount(alice.address)).unwrap().toNumber();
  const twin = (await api.query.twins.twins(twinId)).unwrap();

  // An entity vouches for the twin; its key signs the link message wrapped in <Bytes>…</Bytes>,
  // as a browser wallet's signRaw does.
  const entityKey = keyring.addFromUri('//JsClientEntityKey');
  const created = await submit(api, api.tx.twins.createEntity('Company', 'ThreeFold NV', 'BE',
    'Lochristi', { Sr25519: entityKey.publicKey }), alice);
  const entityId = created.find(({ event }) => api.events.twins.EntityCreated.is(event))
    .event.data.entity.toNumber();
  const nonce = (await api.query.twins.entities(entityId)).unwrap().nonce.toNumber();
  const message = linkMessage(api.genesisHash.toU8a(), entityId, twinId, alice.publicKey, nonce);
  const signature = entityKey.sign(u8aWrapBytes(message));
  const linked = await submit(api, api.tx.twins.linkEntity(twinId, entityId,
    { Sr25519: signature }), alice);
  const linkedEvent = linked.some(({ event }) => api.events.twins.EntityLinked.is(event));

  const amount = 5n * 10n ** 12n;
  await submit(api, api.tx.balances.transferKeepAlive(receiver.address, amount), alice);
  const { data } = await api.query.system.account(receiver.address);

  const overRpc = await provider.send('phonebook_twinByName', ['js-client']);
  const grid = api.runtimeMetadata.asLatest.pallets.find((p) => p.name.eq('Grid'));
  const createFarm = api.tx.grid.createFarm.meta.docs.map((line) => line.toString());

  console.log(JSON.stringify({
    chain: (await api.rpc.system.chain()).toString(),
    ss58: api.registry.chainSS58,
    twinId,
    twinName: twin.name.unwrap().toUtf8(),
    twinRelay: twin.relay.unwrap().toUtf8(),
    twinAccount: twin.account.toString(),
    entityLinked: linkedEvent,
    alice: alice.address,
    received: data.free.toString(),
    sent: amount.toString(),
    rpcTwin: overRpc,
    gridDocs: grid.docs.map((line) => line.toString()).join(' '),
    createFarmDocs: createFarm.join(' '),
  }));
} finally {
  await api.disconnect();
}

// Zero Chain through @polkadot/api with nothing but the node's metadata: registers a twin,
// transfers tokens, reads both back from storage, and asks the node's phonebook RPC.
//
//   node client.mjs ws://127.0.0.1:9944
//
// Prints one JSON object with what it saw; exits non-zero on any failure.
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';

const url = process.argv[2] ?? 'ws://127.0.0.1:9944';

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

  await submit(api, api.tx.twins.createTwin('js.example.org', null, 'js-client', 'Listed'), alice);
  const twinId = (await api.query.twins.twinByAccount(alice.address)).unwrap().toNumber();
  const twin = (await api.query.twins.twins(twinId)).unwrap();

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

// The light client's own thread: smoldot's bytecode is compiled and run here, so that syncing
// and checking proofs never hold up the page. The page talks to it through the port it sends
// (light.js).

import { compileBytecode } from 'smoldot/bytecode';
import { run } from 'smoldot/worker';

compileBytecode().then((bytecode) => postMessage(bytecode));
onmessage = (message) => run(message.data);

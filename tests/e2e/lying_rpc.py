"""A lying RPC node: a WebSocket proxy in front of a real node's JSON-RPC that passes every
request through and rewrites every answer, swapping chosen bytes for others of the same
length wherever they appear — as text (a relay in `phonebook_*` JSON) and as hex (a public
key, and SCALE-encoded storage and runtime call results). It is what an operator, or anyone
between a reader and the node, can do to a reader who trusts plain RPC."""

import asyncio
import threading

import websockets

from conftest import free_port


class LyingRpc:
    """Serves on `self.url` while the `with` block runs; `swaps` maps true bytes to lies."""

    def __init__(self, upstream: str, swaps: dict[bytes, bytes]):
        for truth, lie in swaps.items():
            assert len(truth) == len(lie), "a lie must keep the length, so that SCALE still decodes"
        self.upstream = upstream
        self.pairs = [(t.decode("latin-1"), lie.decode("latin-1")) for t, lie in swaps.items()] + \
                     [(t.hex(), lie.hex()) for t, lie in swaps.items()]
        self.port = free_port()
        self.url = f"ws://127.0.0.1:{self.port}"
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()

    def rewrite(self, message: str) -> str:
        for truth, lie in self.pairs:
            message = message.replace(truth, lie)
        return message

    async def relay(self, client):
        async with websockets.connect(self.upstream, max_size=None) as node:
            async def requests():
                async for message in client:
                    await node.send(message)

            async def answers():
                async for message in node:
                    await client.send(self.rewrite(message))

            tasks = [asyncio.ensure_future(requests()), asyncio.ensure_future(answers())]
            await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in tasks:
                task.cancel()

    def serve(self):
        asyncio.set_event_loop(self.loop)

        async def main():
            self.server = await websockets.serve(self.relay, "127.0.0.1", self.port, max_size=None)
            self.ready.set()
            await self.server.wait_closed()

        self.loop.run_until_complete(main())

    def __enter__(self):
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()
        assert self.ready.wait(10), "the lying proxy did not start"
        return self

    def __exit__(self, *exc):
        self.loop.call_soon_threadsafe(self.server.close)
        self.thread.join(10)

// The peer as a process of its own, for start-up time and idle memory: `peerMain.ts [port]`.
import { startPeer } from './peerBot.js';

const peer = await startPeer(Number(process.argv[2] ?? 0), '127.0.0.1');
process.on('SIGTERM', () => void peer.close().then(() => process.exit(0)));
process.on('SIGINT', () => void peer.close().then(() => process.exit(0)));
console.error(`peer ready: POST ${peer.url}/api/messages`);

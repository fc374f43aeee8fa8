// Run by asset-store.test.ts in its own process, which kills it with SIGKILL in the middle of the put.
import { AssetStore } from '../src/asset-store';
import { tornWriteBytes } from './torn-write-bytes';

await new AssetStore(process.argv[2]!).put(tornWriteBytes());
process.stdout.write('finished\n');

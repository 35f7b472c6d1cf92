// `node app.ts` in the image: Node 22.22's built-in type stripping (amaro, embedded).
import { createHash } from 'node:crypto';

interface Answer { algorithm: string; hex: string }

function digest(algorithm: string, data: string): Answer {
  return { algorithm, hex: createHash(algorithm).update(data).digest('hex') };
}

const answer: Answer = digest('sha256', 'abc');
if (answer.hex !== 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad') {
  throw new Error(`wrong digest ${answer.hex}`);
}
console.log(`ok typescript ${answer.algorithm}`);

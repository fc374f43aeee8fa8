// The reference for `pnpm bench api`: a bare Fastify answering the same bytes the studio answers (the
// project's JSON, a file with Range), with nothing else — no database, no hooks, no validation.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';

const [projectFile, mediaFile] = process.argv.slice(2) as [string, string];
const project = readFileSync(projectFile);
const app = Fastify({ logger: false });
await app.register(fastifyStatic, { root: path.dirname(mediaFile), serve: false });
app.get('/project', async (_request, reply) => reply.type('application/json').send(project));
app.get('/file', async (_request, reply) => reply.sendFile(path.basename(mediaFile)));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
const address = app.server.address();
process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);

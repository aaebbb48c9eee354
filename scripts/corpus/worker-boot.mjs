// A worker thread's entry: Node runs no TypeScript by itself, so the worker loads tsx first and
// then the TypeScript module it was started for (workerData.entry).
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);

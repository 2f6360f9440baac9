/// <reference lib="webworker" />
// The calibration worker: temperature scaling, the post-hoc fixes and the slider's T for logits
// too large for the main thread (calibrateHandler.ts does the work; this is glue). It holds no
// tfjs, so it starts in milliseconds.

import { createCalibrateHandler } from './calibrateHandler';
import type { FromCalibrateWorker, ToCalibrateWorker } from './calibrateProtocol';

declare const self: DedicatedWorkerGlobalScope;

// Replies are small (figures and a 15-bin diagram): copied, nothing to transfer.
const handle = createCalibrateHandler((message: FromCalibrateWorker) => self.postMessage(message));

self.onmessage = (event: MessageEvent<ToCalibrateWorker>) => handle(event.data);

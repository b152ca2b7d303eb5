// What the training routes share: their OpenAPI tag, the clock, the contract and what the composition root gives.
import type { Db } from '../../platform/db.ts';
import { trainingContract } from '../training.contract.ts';

export const tags = ['training'];
export const now = () => Math.floor(Date.now() / 1000);
export const c = trainingContract;

export type TrainingRouteDeps = {
  db: Db;
  /** The configured address of the site, printed on certificates (never the request's Host). */
  publicUrl: string;
};

// `npm test` and `npm run test:e2e` start from a build of the current sources: built once, kept
// while no source is newer (CI runs both, and a build takes a minute on two cores).
import { buildIfStale } from './serve.js';

buildIfStale();

// `npm start`: build when the build is missing or older than the sources, then serve.
import { serve } from './serve.js';

await serve();

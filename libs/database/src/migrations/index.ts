import { Foundation1763700000000 } from './1763700000000-Foundation';

/** Every migration in order; listed explicitly so the same list works from sources and from dist. */
export const MIGRATIONS = [Foundation1763700000000];

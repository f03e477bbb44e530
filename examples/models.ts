/**
 * Snipbox's domain objects, as the application already has them. sit.config.yaml names these
 * types, so events take the objects themselves instead of loose ids.
 */

export interface User {
  readonly id: number;
  readonly username: string;
}

export interface Project {
  readonly id: number;
  readonly fullPath: string;
}

export interface Namespace {
  readonly id: number;
  readonly fullPath: string;
}

export interface User {
  readonly id: number;
  readonly username: string;
}

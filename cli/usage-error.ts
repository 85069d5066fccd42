/** Input the CLI cannot use; main prints the message and exits with 2. */
export class UsageError extends Error {}

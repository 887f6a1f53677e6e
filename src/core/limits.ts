/**
 * Input limits of the protocol (docs/protocol.md), shared by the server's validation, the form's
 * client-side checks and the memory adapter, so all three agree.
 */
export const LIMITS = { name: 80, body: 10_000, url: 300, email: 254, threadId: 256, threads: 100, pageSize: 100 } as const;
